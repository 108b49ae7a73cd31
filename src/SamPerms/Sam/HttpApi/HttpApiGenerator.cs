using SamPerms.Model;
using SamPerms.Sam.Api;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.HttpApi;

/// <summary>
/// Builds an HTTP API's CloudFormation (the reference's HttpApiGenerator): the AWS::ApiGatewayV2::Api whose
/// OpenAPI body carries CORS, auth, tags, title, description and endpoint settings; the stage ("$default"
/// unless named); the custom domain; and Lambda authorizer permissions. Body edits live in the
/// <c>HttpApiGenerator.Definition.cs</c> and <c>HttpApiGenerator.Auth.cs</c> partial files.
/// </summary>
public sealed partial class HttpApiGenerator(string logicalId, MapNode passthroughAttributes, MapNode resourceAttributes, Node? dependsOn, MapNode? domain)
    : ApiV2Generator(logicalId, domain, passthroughAttributes, resourceAttributes, dependsOn)
{
    public const string DefaultStageName = "$default";

    public Node? StageVariables { get; init; }

    /// <summary>The OpenAPI body; each edit replaces it with the editor's copy.</summary>
    public Node? DefinitionBody { get; set; }

    public Node? DefinitionUri { get; init; }

    public Node? Name { get; init; }

    public Node? StageName { get; init; }

    /// <summary>The Tags property (the same map: SAM's own tag is added to it, as the reference does).</summary>
    public Node? Tags { get; set; }

    public Node? Auth { get; init; }

    public Node? CorsConfiguration { get; init; }

    public Node? AccessLogSettings { get; init; }

    public Node? RouteSettings { get; init; }

    public Node? DefaultRouteSettings { get; init; }

    public Node? FailOnWarnings { get; init; }

    public Node? Description { get; init; }

    public Node? DisableExecuteApiEndpoint { get; init; }

    protected override string DefaultTagName => "httpapi:createdBy";

    /// <summary>The stage name, "$default" when not given.</summary>
    private Node EffectiveStageName => Py.Truthy(StageName) ? StageName! : new StringNode(DefaultStageName);

    /// <summary>The API, the authorizer permissions, the domain's resources, then the stage (when there is one).</summary>
    public List<CfnResource> ToCloudFormation(TransformContext ctx, Route53RecordSetGroups recordSetGroups)
    {
        // Errors in a definition SAM edited point at DefinitionBody when the offending node is one SAM made.
        var api = ErrorPlaces.LocatedAt(DefinitionBody, () => ConstructHttpApi(ctx));
        var domain = ConstructApiDomain(recordSetGroups);
        var resources = new List<CfnResource> { api };
        resources.AddRange(ConstructAuthorizerLambdaPermissions(ctx, api));
        resources.AddRange(domain);
        if (ConstructStage() is { } stage)
        {
            resources.Add(stage);
        }

        return resources;
    }

    private CfnResource ConstructHttpApi(TransformContext ctx)
    {
        var api = new CfnResource(LogicalId, "AWS::ApiGatewayV2::Api") { DependsOn = DependsOn }.WithAttributes(ResourceAttributes);
        if (Py.Truthy(DefinitionUri) && Py.Truthy(DefinitionBody))
        {
            throw Error("Specify either 'DefinitionUri' or 'DefinitionBody' property and not both.", DefinitionUri);
        }

        // Each feature's errors point at its property when the offending value is one SAM made.
        if (Py.Truthy(CorsConfiguration))
        {
            ErrorPlaces.LocatedAt(CorsConfiguration, AddCors);
        }

        ErrorPlaces.LocatedAt(Auth, () => AddAuth(ctx));
        ErrorPlaces.LocatedAt(Tags, AddTags);
        if (Py.Truthy(FailOnWarnings))
        {
            api["FailOnWarnings"] = FailOnWarnings;
        }

        if (DisableExecuteApiEndpoint is not null)
        {
            ErrorPlaces.LocatedAt(DisableExecuteApiEndpoint, AddEndpointConfiguration);
        }

        AddTitle();
        AddDescription();
        UpdateDefaultPath();

        if (Py.Truthy(DefinitionUri))
        {
            api["BodyS3Location"] = (Node?)S3Locations.LocalPath(ctx, DefinitionUri) ?? S3Locations.ToBucketKeyVersion(DefinitionUri, LogicalId, "DefinitionUri");
        }
        else if (Py.Truthy(DefinitionBody))
        {
            api["Body"] = DefinitionBody;
        }
        else
        {
            throw Error(
                "'DefinitionUri' or 'DefinitionBody' are required properties of an 'AWS::Serverless::HttpApi'. Add a value for one of these properties or add a 'HttpApi' event to an 'AWS::Serverless::Function'.",
                null);
        }

        return api;
    }

    /// <summary>
    /// The stage, with the route and log settings and the tags. Its id: Api + name + "Stage" for an
    /// alphanumeric name, Api + "ApiGatewayDefaultStage" for "$default", else a hash of the name.
    /// </summary>
    private CfnResource? ConstructStage()
    {
        var stageName = EffectiveStageName;
        if (!Py.Truthy(stageName) && !Py.Truthy(StageVariables) && !Py.Truthy(AccessLogSettings) && !Py.Truthy(DefaultRouteSettings) && !Py.Truthy(RouteSettings))
        {
            return null;
        }

        // An intrinsic StageName gives no prefix: there is only one stage per API, so no clash.
        var prefix = stageName is StringNode s ? s.Value : "";
        string stageId;
        if (Py.IsAlnum(prefix))
        {
            stageId = LogicalId + prefix + "Stage";
        }
        else if (prefix == DefaultStageName)
        {
            stageId = LogicalId + "ApiGatewayDefaultStage";
        }
        else
        {
            stageId = LogicalIds.Generate(LogicalId + "Stage", new StringNode(prefix));
        }

        var stage = Derived(stageId, "AWS::ApiGatewayV2::Stage");
        stage["ApiId"] = N.Ref(LogicalId);
        stage["StageName"] = stageName;
        stage["StageVariables"] = StageVariables;
        stage["AccessLogSettings"] = AccessLogSettings;
        stage["DefaultRouteSettings"] = DefaultRouteSettings;
        stage["Tags"] = Tags;
        stage["AutoDeploy"] = true;
        stage["RouteSettings"] = RouteSettings;
        return stage;
    }
}
