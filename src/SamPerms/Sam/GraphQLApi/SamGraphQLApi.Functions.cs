using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.GraphQLApi;

/// <summary>
/// AppSync functions (AWS::AppSync::FunctionConfiguration). A function given by Id refers to one defined
/// elsewhere and generates nothing. Errors name the function's id under Functions, as the reference's do.
/// </summary>
public sealed partial class SamGraphQLApi
{
    private List<CfnResource> ConstructFunctions(MapNode functions, Node apiId)
    {
        var configurations = new List<CfnResource>();
        foreach (var e in functions.Entries)
        {
            var relativeId = e.Key;
            var function = (MapNode)e.Value;
            if (Py.Truthy(Value(function, "Id")))
            {
                if (function.Count != 1)
                {
                    throw new InvalidResourceException(relativeId, "'Id' cannot be defined with other properties in Function.").Locate(e.Value);
                }

                _functionIds[relativeId] = Value(function, "Id")!;
                continue;
            }

            var config = NewResource(LogicalId + relativeId, "AWS::AppSync::FunctionConfiguration", $"Functions.{relativeId}");
            config["ApiId"] = apiId;
            var name = Value(function, "Name");
            config["Name"] = Py.Truthy(name) ? name : new StringNode(relativeId);
            var (code, codeLocation) = FunctionCode(function, relativeId);
            config["Code"] = code;
            config["CodeS3Location"] = codeLocation;
            config["DataSourceName"] = DataSourceName(relativeId, function, apiId);
            config["MaxBatchSize"] = Value(function, "MaxBatchSize");
            config["Description"] = Value(function, "Description");
            config["Runtime"] = Runtime(function, relativeId);
            if (Value(function, "Sync") is MapNode sync)
            {
                config["SyncConfig"] = sync;
            }

            _functionIds[relativeId] = config.GetAtt("FunctionId");
            configurations.Add(config);
        }

        return configurations;
    }

    private static (Node? Code, Node? CodeS3Location) FunctionCode(MapNode function, string relativeId)
    {
        var inline = Value(function, "InlineCode");
        var uri = Value(function, "CodeUri");
        if (Py.Truthy(inline) && Py.Truthy(uri))
        {
            throw new InvalidResourceException(relativeId, "Both 'InlineCode' and 'CodeUri' cannot be defined at the same time.").Locate(function);
        }

        if (Py.Truthy(inline))
        {
            return (inline, null);
        }

        if (Py.Truthy(uri))
        {
            return (null, uri);
        }

        throw new InvalidResourceException(relativeId, "One of 'InlineCode' or 'CodeUri' must be set.").Locate(function);
    }

    /// <summary>
    /// The data source a function uses: an intrinsic as given; "NONE" (any case) for the API's NONE data source;
    /// otherwise the id of a data source under DataSources.
    /// </summary>
    private Node DataSourceName(string relativeId, MapNode function, Node apiId)
    {
        var dataSource = Value(function, "DataSource");
        if (!Py.Truthy(dataSource))
        {
            throw new InvalidResourceException(relativeId, "'DataSource' must be set.").Locate(function);
        }

        if (dataSource is not StringNode name)
        {
            return dataSource!;
        }

        if (string.Equals(name.Value.ToLowerInvariant(), "none", StringComparison.Ordinal))
        {
            _noneDataSource ??= NoneDataSource(apiId);
            return _noneDataSource.GetAtt("Name");
        }

        if (_dataSourceNames.TryGetValue(name.Value, out var known))
        {
            return known;
        }

        throw new InvalidResourceException(relativeId, $"Either define DataSource '{name.Value}' in 'DataSources' or use intrinsic function like GetAtt, ImportValue, Sub or another one to reference a DataSource defined outside of this GraphQLApi resource.").Locate(dataSource);
    }

    private CfnResource NoneDataSource(Node apiId)
    {
        var id = $"{LogicalId}NoneDataSource";
        var dataSource = NewResource(id, "AWS::AppSync::DataSource", "Functions");
        dataSource["ApiId"] = apiId;
        dataSource["Name"] = id;
        dataSource["Type"] = "NONE";
        return dataSource;
    }

    private static MapNode Runtime(MapNode owner, string relativeId)
    {
        if (Value(owner, "Runtime") is MapNode runtime)
        {
            return N.Map(("Name", Value(runtime, "Name") ?? NullNode.Instance), ("RuntimeVersion", Value(runtime, "Version") ?? NullNode.Instance));
        }

        throw new InvalidResourceException(relativeId, $"'Runtime' must be defined as a property in {relativeId}.").Locate(owner);
    }
}
