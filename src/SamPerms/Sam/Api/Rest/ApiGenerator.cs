using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// Builds a REST API's CloudFormation (the reference's ApiGenerator): the RestApi with its definition edited
/// for Cors, Auth, GatewayResponses, binary media types and Models, the Deployment and Stage and authorizer
/// permissions (features of the definition live in partial files), then the custom domain
/// (<see cref="RestApiDomain"/>) and the usage plan (<see cref="ApiUsagePlan"/>), each a type of its own.
/// </summary>
public sealed partial class ApiGenerator(SamApi api, TransformContext ctx)
{
    private const string CorsWildcard = "'*'";

    private readonly string _logicalId = api.LogicalId;
    private readonly string _partition = ctx.Partition;
    private Node? _definitionBody = api.Prop("DefinitionBody");

    public Node? BinaryMedia { get; init; }

    public Node? Domain { get; init; }

    public Node? Auth { get; init; }

    private Node? DefinitionUri => api.Prop("DefinitionUri");

    private Node? StageName => api.Prop("StageName");

    private Node? OpenApiVersion => api.Prop("OpenApiVersion");

    private MapNode PassthroughAttributes => api.PassthroughAttributes();

    public List<CfnResource> ToCloudFormation(string? redeployFunctionNames)
    {
        var restApi = ConstructRestApi();
        var domain = ErrorPlaces.LocatedAt(api.Prop("Domain"), () => new RestApiDomain(_logicalId, Domain, api.PassthroughAttributes, ctx).Construct(restApi));
        foreach (var r in domain)
        {
            r.Origin = api.OriginOf("Domain");
        }

        var deployment = ConstructDeployment();
        var swagger = restApi["Body"] ?? restApi["BodyS3Location"];
        var stage = ConstructStage(deployment, swagger, redeployFunctionNames);
        var resources = new List<CfnResource> { restApi, deployment, stage };
        resources.AddRange(ErrorPlaces.LocatedAt(api.Prop("Auth"), ConstructAuthorizerLambdaPermissions));
        resources.AddRange(domain);
        resources.AddRange(ErrorPlaces.LocatedAt(api.Prop("Auth"), () => new ApiUsagePlan(_logicalId, Auth, api.PassthroughAttributes, api.OriginOf("Auth.UsagePlan")).Construct(stage, ctx)));
        foreach (var r in resources)
        {
            r.Origin ??= api.OriginOf();
        }

        return resources;
    }

    /// <param name="at">The offending value, so the diagnostic gets a location (else the feature's property or the resource).</param>
    private InvalidResourceException Error(string message, Node? at = null) => (InvalidResourceException)new InvalidResourceException(_logicalId, message).Locate(at);

    private CfnResource ConstructRestApi()
    {
        ValidateProperties();
        var restApi = new CfnResource(_logicalId, "AWS::ApiGateway::RestApi") { DependsOn = api.DependsOn };
        restApi.WithAttributes(api.ResourceAttributes);
        restApi["BinaryMediaTypes"] = BinaryMedia;
        restApi["MinimumCompressionSize"] = api.Prop("MinimumCompressionSize");
        if (Py.Truthy(api.Prop("EndpointConfiguration")))
        {
            SetEndpointConfiguration(restApi, api.Prop("EndpointConfiguration")!);
        }
        else if (!EdgeSupported(_partition))
        {
            // This partition has no EDGE endpoints: REGIONAL is the only choice, so say it.
            SetEndpointConfiguration(restApi, new StringNode("REGIONAL"));
        }

        // Each feature's errors point at its property when the offending value is one SAM made.
        ErrorPlaces.LocatedAt(api.Prop("Cors"), AddCors);
        ErrorPlaces.LocatedAt(api.Prop("Auth"), AddAuth);
        ErrorPlaces.LocatedAt(api.Prop("GatewayResponses"), AddGatewayResponses);
        ErrorPlaces.LocatedAt(api.Prop("BinaryMediaTypes"), AddBinaryMediaTypes);
        ErrorPlaces.LocatedAt(api.Prop("Models"), AddModels);
        if (Py.Truthy(api.Prop("FailOnWarnings")))
        {
            restApi["FailOnWarnings"] = api.Prop("FailOnWarnings");
        }

        if (api.Prop("DisableExecuteApiEndpoint") is not null)
        {
            ErrorPlaces.LocatedAt(api.Prop("DisableExecuteApiEndpoint"), AddEndpointExtension);
        }

        if (Py.Truthy(DefinitionUri))
        {
            restApi["BodyS3Location"] = (Node?)S3Locations.LocalPath(ctx, DefinitionUri) ?? ConstructBodyS3();
        }
        else if (Py.Truthy(_definitionBody))
        {
            // Errors in a definition SAM edited point at DefinitionBody when the offending node is one SAM made.
            _definitionBody = ErrorPlaces.LocatedAt(api.Prop("DefinitionBody"), () => OpenApiPostprocess((MapNode)_definitionBody!));
            restApi["Body"] = _definitionBody;
        }

        foreach (var name in new[] { "Name", "Description", "Mode", "ApiKeySourceType", "Policy", "SecurityPolicy", "EndpointAccessMode" })
        {
            if (Py.Truthy(api.Prop(name)))
            {
                restApi[name] = api.Prop(name);
            }
        }

        return restApi;
    }

    private static bool EdgeSupported(string partition) =>
        !(partition.StartsWith("aws-iso", StringComparison.Ordinal) || partition is "aws-us-gov" or "aws-cn" or "aws-eusc");

    private void ValidateProperties()
    {
        if (Py.Truthy(DefinitionUri) && Py.Truthy(_definitionBody))
        {
            throw Error("Specify either 'DefinitionUri' or 'DefinitionBody' property and not both.", DefinitionUri);
        }

        if (Py.Truthy(DefinitionUri) && Py.Truthy(api.Prop("MergeDefinitions")))
        {
            throw Error("Cannot set 'MergeDefinitions' to True when using `DefinitionUri`.", api.Prop("MergeDefinitions"));
        }

        if (Py.Truthy(OpenApiVersion) && !OpenApiEditorBase.SafeCompareRegexWithString(SwaggerEditor.SupportedOpenApiVersionsRegex, OpenApiVersion))
        {
            throw Error("The OpenApiVersion value must be of the format '3.0.0'.", OpenApiVersion);
        }
    }

    private void SetEndpointConfiguration(CfnResource restApi, Node value)
    {
        if (value is MapNode m && Py.Truthy(m.Get("Type")))
        {
            restApi["Parameters"] = N.Map(("endpointConfigurationTypes", m.Get("Type")));
            var config = N.Map(("Types", N.Seq(m.Get("Type")!)));
            restApi["EndpointConfiguration"] = config;
            if (m.ContainsKey("VPCEndpointIds") && m.ContainsKey("VpcEndpointIds"))
            {
                throw Error("'VPCEndpointIds' and 'VpcEndpointIds' cannot be used together in EndpointConfiguration.", m);
            }

            if (m.ContainsKey("VPCEndpointIds") || m.ContainsKey("VpcEndpointIds"))
            {
                var ids = Py.Truthy(m.Get("VPCEndpointIds")) ? m.Get("VPCEndpointIds") : m.Get("VpcEndpointIds");
                config.Set("VpcEndpointIds", ids ?? NullNode.Instance);
            }

            if (m.ContainsKey("IpAddressType"))
            {
                config.Set("IpAddressType", m.Get("IpAddressType")!);
            }
        }
        else
        {
            restApi["EndpointConfiguration"] = N.Map(("Types", N.Seq(value)));
            restApi["Parameters"] = N.Map(("endpointConfigurationTypes", value));
        }
    }

    private void AddEndpointExtension()
    {
        if (!Py.Truthy(_definitionBody))
        {
            throw Error("DisableExecuteApiEndpoint works only within 'DefinitionBody' property.", api.Prop("DisableExecuteApiEndpoint"));
        }

        var editor = new SwaggerEditor(_definitionBody, inPlace: true);
        editor.AddDisableExecuteApiEndpointExtension(api.Prop("DisableExecuteApiEndpoint")!);
        _definitionBody = editor.Document;
    }

    /// <summary>BodyS3Location from DefinitionUri, a Python 2.7 dict; the parts of a unicode URI stay unicode.</summary>
    private MapNode ConstructBodyS3()
    {
        var pointer = S3Locations.Pointer(DefinitionUri, _logicalId, "DefinitionUri");
        if (DefinitionUri is StringNode { Unicode: true })
        {
            // The pointer was parsed from the URI (a new map): its parts take the URI's string type.
            foreach (var key in new[] { "Bucket", "Key", "Version" })
            {
                if (pointer.Get(key) is StringNode s)
                {
                    pointer.Set(key, new StringNode(s.Value) { Unicode = true });
                }
            }
        }

        var body = MapNode.NewPy27();
        body.Set("Bucket", pointer.Get("Bucket")!);
        body.Set("Key", pointer.Get("Key")!);
        if (pointer.ContainsKey("Version"))
        {
            body.Set("Version", pointer.Get("Version")!);
        }

        return body;
    }

    private CfnResource ConstructDeployment()
    {
        var deployment = new CfnResource(_logicalId + "Deployment", "AWS::ApiGateway::Deployment").WithAttributes(PassthroughAttributes);
        deployment["RestApiId"] = N.Ref(_logicalId);
        if (!Py.Truthy(OpenApiVersion))
        {
            deployment["StageName"] = "Stage";
        }

        return deployment;
    }

    private CfnResource ConstructStage(CfnResource deployment, Node? swagger, string? redeployFunctionNames)
    {
        var prefix = StageName is StringNode s ? s.Value : "";
        var stageId = Py.IsAlnum(prefix)
            ? _logicalId + prefix + "Stage"
            : LogicalIds.Generate(_logicalId + "Stage", new StringNode(prefix));
        var stage = new CfnResource(stageId, "AWS::ApiGateway::Stage").WithAttributes(PassthroughAttributes);
        stage["RestApiId"] = N.Ref(_logicalId);
        stage["DeploymentId"] = N.Ref(deployment.LogicalId);
        stage["StageName"] = StageName;
        stage["CacheClusterEnabled"] = api.Prop("CacheClusterEnabled");
        stage["CacheClusterSize"] = api.Prop("CacheClusterSize");
        stage["Variables"] = api.Prop("Variables");
        stage["MethodSettings"] = api.Prop("MethodSettings");
        stage["AccessLogSetting"] = api.Prop("AccessLogSetting");
        stage["CanarySetting"] = api.Prop("CanarySetting");
        stage["TracingEnabled"] = api.Prop("TracingEnabled");
        if (swagger is not null)
        {
            DeploymentHash.MakeAutoDeployable(deployment, stage, OpenApiVersion, swagger, Domain, redeployFunctionNames, Py.Truthy(api.Prop("AlwaysDeploy")));
        }

        if (api.Prop("Tags") is { } tags)
        {
            stage["Tags"] = SamResource.TagList(tags as MapNode);
        }

        return stage;
    }
}
