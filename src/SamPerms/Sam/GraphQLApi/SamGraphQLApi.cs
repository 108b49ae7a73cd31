using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.GraphQLApi;

/// <summary>
/// AWS::Serverless::GraphQLApi → an AppSync GraphQL API with its schema, authorization, logging role, API keys,
/// cache, domain, data sources (each with a role that connectors give access to the table or function),
/// functions and pipeline resolvers. The properties are read through the reference's model; each part lives
/// in its own partial file.
/// </summary>
public sealed partial class SamGraphQLApi : SamResource
{
    public const string Type = "AWS::Serverless::GraphQLApi";

    private static readonly PropertyTable Table = new(
        ("Name", PropertySpec.PassThrough),
        ("Tags", PropertySpec.Strict(V.Dict)),
        ("XrayEnabled", PropertySpec.PassThrough),
        ("Auth", PropertySpec.Strict(V.Dict, required: true)),
        ("SchemaInline", PropertySpec.Strict(V.Str)),
        ("SchemaUri", PropertySpec.Strict(V.Str)),
        ("Logging", PropertySpec.Strict(V.OneOf(V.Dict, V.Bool))),
        ("DataSources", PropertySpec.Strict(V.Dict)),
        ("Functions", PropertySpec.Strict(V.Dict)),
        ("Resolvers", PropertySpec.Strict(V.Dict)),
        ("ApiKeys", PropertySpec.Strict(V.Dict)),
        ("DomainName", PropertySpec.Strict(V.Dict)),
        ("Cache", PropertySpec.Strict(V.Dict)),
        ("Visibility", PropertySpec.PassThrough),
        ("OwnerContact", PropertySpec.PassThrough),
        ("IntrospectionConfig", PropertySpec.PassThrough),
        ("QueryDepthLimit", PropertySpec.PassThrough),
        ("ResolverCountLimit", PropertySpec.PassThrough));

    /// <summary>Data source names by their id under DataSources, for functions that name one.</summary>
    private readonly Dictionary<string, Node> _dataSourceNames = new(StringComparer.Ordinal);

    /// <summary>Function ids by their id under Functions, for resolver pipelines.</summary>
    private readonly Dictionary<string, Node> _functionIds = new(StringComparer.Ordinal);

    /// <summary>The one NONE data source, made when a function asks for it.</summary>
    private CfnResource? _noneDataSource;

    public override string ResourceType => Type;

    protected override PropertyTable PropertyTypes => Table;

    /// <summary>The reference's SamGraphQLApi sets validate_setattr = False: unknown properties are ignored.</summary>
    protected override bool RefusesUnknownProperties => false;

    public override IList<CfnResource> ToCloudFormation(TransformContext ctx)
    {
        var model = ValidatePropertiesAndReturnModel(GraphQLApiSchema.Properties);
        var (api, cloudWatchRole, lambdaAuthorizerArns) = ConstructApi(model);
        var apiId = api.GetAtt("ApiId");
        var schema = ConstructSchema(model, apiId);
        var resources = new List<CfnResource> { api, schema };

        for (int i = 0; i < lambdaAuthorizerArns.Count; i++)
        {
            resources.AddRange(LambdaAuthorizerConnector(api, lambdaAuthorizerArns[i], i + 1, ctx));
        }

        if (cloudWatchRole is not null)
        {
            resources.Add(cloudWatchRole);
        }

        if (model.Get("ApiKeys") is MapNode { Count: > 0 } apiKeys)
        {
            resources.AddRange(ConstructApiKeys(apiKeys, apiId));
        }

        if (model.Get("Cache") is MapNode cache)
        {
            resources.Add(ConstructApiCache(cache, apiId));
        }

        if (model.Get("DataSources") is MapNode dataSources)
        {
            resources.AddRange(ConstructDataSources(dataSources, apiId, ctx));
        }

        if (model.Get("DomainName") is MapNode domainName)
        {
            resources.AddRange(ConstructDomainName(domainName, apiId));
        }

        if (model.Get("Functions") is MapNode { Count: > 0 } functions)
        {
            resources.AddRange(ConstructFunctions(functions, apiId));
        }

        if (model.Get("Resolvers") is MapNode { Count: > 0 } resolvers)
        {
            resources.AddRange(ConstructResolvers(resolvers, apiId, schema.LogicalId));
        }

        if (_noneDataSource is not null)
        {
            resources.Add(_noneDataSource);
        }

        return resources;
    }

    /// <summary>A generated resource carrying this resource's DependsOn and attributes, as every AppSync part does.</summary>
    private CfnResource NewResource(string logicalId, string type, string propertyPath = "") =>
        new CfnResource(logicalId, type) { DependsOn = DependsOn, Origin = OriginOf(propertyPath) }.WithAttributes(ResourceAttributes);

    private static Node? Value(MapNode? m, string key) => m?.Get(key) is { } v and not NullNode ? v : null;

    private CfnResource ConstructSchema(MapNode model, Node apiId)
    {
        var schema = NewResource($"{LogicalId}Schema", "AWS::AppSync::GraphQLSchema");
        var inline = Value(model, "SchemaInline");
        var uri = Value(model, "SchemaUri");
        if (!Py.Truthy(inline) && !Py.Truthy(uri))
        {
            throw new InvalidResourceException(LogicalId, "One of 'SchemaInline' or 'SchemaUri' must be set.").Locate(Properties);
        }

        if (Py.Truthy(inline) && Py.Truthy(uri))
        {
            throw new InvalidResourceException(LogicalId, "Both 'SchemaInline' and 'SchemaUri' cannot be defined at the same time.").Locate(Properties);
        }

        schema["ApiId"] = apiId;
        schema["Definition"] = inline;
        schema["DefinitionS3Location"] = uri;
        return schema;
    }
}
