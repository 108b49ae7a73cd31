using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.GraphQLApi;

/// <summary>
/// Pipeline resolvers (AWS::AppSync::Resolver), one per field under Resolvers.&lt;Type&gt;. Without code of its
/// own a resolver gets AppSync's default pass-through JavaScript. Unit resolvers are not supported.
/// </summary>
public sealed partial class SamGraphQLApi
{
    /// <summary>The default pipeline resolver code AppSync's console offers.</summary>
    private const string DefaultResolverCode = "\nexport function request(ctx) {\n    return {};\n}\n\nexport function response(ctx) {\n    return ctx.prev.result;\n}\n";

    private List<CfnResource> ConstructResolvers(MapNode resolvers, Node apiId, string schemaId)
    {
        var resources = new List<CfnResource>();
        foreach (var typeEntry in resolvers.Entries)
        {
            var typeName = typeEntry.Key;
            foreach (var e in ((MapNode)typeEntry.Value).Entries)
            {
                var relativeId = e.Key;
                var resolver = (MapNode)e.Value;
                var cfn = new CfnResource(LogicalId + typeName + relativeId, "AWS::AppSync::Resolver")
                {
                    // Resolvers need the schema's fields to exist first.
                    DependsOn = N.Seq(schemaId),
                    Origin = OriginOf($"Resolvers.{typeName}.{relativeId}"),
                }.WithAttributes(ResourceAttributes);

                var inline = Value(resolver, "InlineCode");
                var uri = Value(resolver, "CodeUri");
                if (Py.Truthy(uri) && Py.Truthy(inline))
                {
                    throw new InvalidResourceException(relativeId, "Both 'InlineCode' and 'CodeUri' cannot be defined at the same time.").Locate(resolver);
                }

                cfn["Code"] = inline;
                cfn["CodeS3Location"] = uri;
                if (!Py.Truthy(inline) && !Py.Truthy(uri))
                {
                    cfn["Code"] = DefaultResolverCode;
                    cfn["Runtime"] = N.Map(("Name", "APPSYNC_JS"), ("RuntimeVersion", "1.0.0"));
                }
                else
                {
                    cfn["Runtime"] = Runtime(resolver, relativeId);
                }

                cfn["ApiId"] = apiId;
                var fieldName = Value(resolver, "FieldName");
                cfn["FieldName"] = Py.Truthy(fieldName) ? fieldName : new StringNode(relativeId);
                cfn["TypeName"] = typeName;
                if (Value(resolver, "Pipeline") is SeqNode { Count: > 0 } pipeline)
                {
                    cfn["Kind"] = "PIPELINE";
                    cfn["PipelineConfig"] = N.Map(("Functions", PipelineFunctions(pipeline, relativeId)));
                }
                else
                {
                    throw new InvalidResourceException(relativeId, $"Resolver '{relativeId}' must have Pipeline defined. Unit resolvers are not supported. If you need a Unit resolver you can use AppSync resource.").Locate(resolver);
                }

                if (Value(resolver, "Caching") is MapNode caching)
                {
                    cfn["CachingConfig"] = caching;
                }

                if (Py.Truthy(Value(resolver, "MaxBatchSize")))
                {
                    cfn["MaxBatchSize"] = Value(resolver, "MaxBatchSize");
                }

                resources.Add(cfn);
            }
        }

        return resources;
    }

    /// <summary>The pipeline's functions by their ids under Functions, in order.</summary>
    private SeqNode PipelineFunctions(SeqNode pipeline, string relativeId)
    {
        var ids = new SeqNode();
        foreach (var f in pipeline)
        {
            var name = f.Str!;
            if (!_functionIds.TryGetValue(name, out var id))
            {
                throw new InvalidResourceException(relativeId, $"Function '{name}' does not exist.").Locate(f);
            }

            ids.Add(id);
        }

        return ids;
    }
}
