using SamPerms.Model;
using SamPerms.Sam.Api;
using SamPerms.Sam.Core;
using SamPerms.Sam.HttpApi;

namespace SamPerms.Sam.WebSocketApi;

/// <summary>
/// Builds a WebSocket API's CloudFormation (the reference's WebSocketApiGenerator). Unlike HTTP APIs there is
/// no OpenAPI body: routes, integrations, permissions and the authorizer are resources of their own. Routes
/// and auth are in <c>WebSocketApiGenerator.Routes.cs</c>.
/// </summary>
public sealed partial class WebSocketApiGenerator : ApiV2Generator
{
    /// <summary>Not "$default" as for HTTP APIs, which would be confused with the $default route.</summary>
    public const string DefaultStageName = "default";

    private readonly MapNode? _routes;
    private Node? _tags;

    public WebSocketApiGenerator(string logicalId, MapNode passthroughAttributes, MapNode resourceAttributes, Node? dependsOn, MapNode? domain, Node? name, Node? stageName, MapNode? routes, Node? tags)
        : base(logicalId, domain, passthroughAttributes, resourceAttributes, dependsOn)
    {
        Name = name ?? new StringNode(logicalId);
        StageName = stageName ?? new StringNode(DefaultStageName);
        _routes = routes;
        _tags = tags;
    }

    public Node Name { get; }

    public Node StageName { get; }

    public Node? StageVariables { get; init; }

    public Node? RouteSelectionExpression { get; init; }

    public Node? ApiKeySelectionExpression { get; init; }

    public Node? AccessLogSettings { get; init; }

    public MapNode? AuthConfig { get; init; }

    public Node? DefaultRouteSettings { get; init; }

    public Node? Description { get; init; }

    public Node? DisableExecuteApiEndpoint { get; init; }

    public Node? DisableSchemaValidation { get; init; }

    public Node? IpAddressType { get; init; }

    public Node? RouteSettings { get; init; }

    protected override string DefaultTagName => "websocketapi:createdBy";

    /// <summary>The checks the reference makes when it creates the generator.</summary>
    public void Validate()
    {
        if (!Py.Truthy(_routes))
        {
            throw Error("WebSocket API must have at least one route.", _routes);
        }

        if (IpAddressType is not null && !Intrinsics.IsIntrinsic(IpAddressType) && IpAddressType is not StringNode { Value: "ipv4" or "dualstack" })
        {
            throw Error("IpAddressType must be 'ipv4' or 'dualstack'.", IpAddressType);
        }

        if (Domain is not null && Py.Truthy(Domain.Get("MutualTlsAuthentication")))
        {
            throw Error("Mutual TLS domain name association is not supported for Websocket APIs.", Domain.Get("MutualTlsAuthentication"));
        }
    }

    /// <summary>
    /// The API, then route + integration + permission for each route, the domain resources, the stage (after
    /// the routes when RouteSettings name them), and the $connect authorizer with its permission.
    /// </summary>
    public List<CfnResource> ToCloudFormation(Route53RecordSetGroups recordSetGroups)
    {
        var api = ConstructWebSocketApi();
        var domain = ConstructApiDomain(recordSetGroups);
        var stage = ConstructStage();
        var resources = new List<CfnResource> { api };
        CfnResource? authorizer = null;
        var routeIds = new List<Node>();
        foreach (var (key, spec) in _routes!)
        {
            var (route, integration, permission, routeAuthorizer) = ConstructRouteInfrastructure(key, spec);
            resources.Add(route);
            resources.Add(integration);
            resources.Add(permission);
            routeIds.Add(route.LogicalId);
            authorizer = routeAuthorizer ?? authorizer;
        }

        resources.AddRange(domain);

        // A stage whose RouteSettings name routes must wait for them.
        if (Py.Truthy(RouteSettings) && routeIds.Count > 0)
        {
            stage.DependsOn = new SeqNode(routeIds);
        }

        resources.Add(stage);
        if (authorizer is not null)
        {
            resources.Add(authorizer);
            if (ConstructAuthorizerPermission(api) is { } authorizerPermission)
            {
                resources.Add(authorizerPermission);
            }
        }

        return resources;
    }

    private CfnResource ConstructWebSocketApi()
    {
        var api = new CfnResource(LogicalId, "AWS::ApiGatewayV2::Api") { DependsOn = DependsOn }.WithAttributes(ResourceAttributes);
        api["ApiKeySelectionExpression"] = ApiKeySelectionExpression;
        api["Description"] = Description;
        api["DisableExecuteApiEndpoint"] = DisableExecuteApiEndpoint;
        api["DisableSchemaValidation"] = DisableSchemaValidation;
        api["IpAddressType"] = IpAddressType;
        if (AuthConfig is not null && Py.Truthy(AuthConfig) && !_routes!.ContainsKey("$connect"))
        {
            throw Error("Authorization is only available if there is a $connect route.", AuthConfig);
        }

        api["Name"] = Name;
        api["RouteSelectionExpression"] = RouteSelectionExpression;

        // SAM's tag joins the Tags property itself (the same map), as in the reference.
        if (!Py.Truthy(_tags) || _tags is not MapNode)
        {
            _tags = new MapNode();
        }

        ((MapNode)_tags).Set(DefaultTagName, "SAM");
        api["Tags"] = _tags;
        api["ProtocolType"] = "WEBSOCKET";
        return api;
    }

    /// <summary>The stage: Api + name + "Stage", Api + "DefaultStage" for "default", Api + "Stage" for an intrinsic name.</summary>
    private CfnResource ConstructStage()
    {
        if (StageName is StringNode { Value: "$default" })
        {
            throw Error("Stages cannot be named $default for WebSocket APIs.", StageName);
        }

        var prefix = StageName is StringNode s ? s.Value : "";
        var stageId = prefix != DefaultStageName ? LogicalId + prefix + "Stage" : LogicalId + "DefaultStage";
        var stage = Derived(stageId, "AWS::ApiGatewayV2::Stage");
        stage["ApiId"] = N.Ref(LogicalId);
        stage["StageName"] = StageName;
        stage["StageVariables"] = StageVariables;
        stage["AccessLogSettings"] = AccessLogSettings;
        stage["DefaultRouteSettings"] = DefaultRouteSettings;
        stage["Tags"] = N.Map((DefaultTagName, "SAM"));
        stage["AutoDeploy"] = true;
        stage["RouteSettings"] = RouteSettings;
        return stage;
    }

    /// <summary>Which property a generated resource stems from, for diagnostics.</summary>
    public string OriginPathOf(CfnResource r) => DomainOriginPath(r) ?? r.Type switch
    {
        "AWS::ApiGatewayV2::Authorizer" => "Auth",
        "AWS::ApiGatewayV2::Route" or "AWS::ApiGatewayV2::Integration" => RouteOrigin(r),
        "AWS::Lambda::Permission" when r.LogicalId == LogicalId + "AuthorizerPermission" => "Auth",
        "AWS::Lambda::Permission" => RouteOrigin(r),
        _ => "",
    };
}
