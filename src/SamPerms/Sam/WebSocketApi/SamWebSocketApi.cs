using SamPerms.Model;
using SamPerms.Sam.Api;
using SamPerms.Sam.Core;
using SamPerms.Sam.HttpApi;

namespace SamPerms.Sam.WebSocketApi;

/// <summary>
/// AWS::Serverless::WebSocketApi → AWS::ApiGatewayV2::Api (protocol WEBSOCKET), a route, integration and
/// invoke permission per entry of Routes, a stage, the $connect authorizer and its permission, and the custom
/// domain (the reference's SamWebSocketApi).
/// </summary>
public sealed class SamWebSocketApi : SamResource
{
    public const string Type = "AWS::Serverless::WebSocketApi";

    private static readonly PropertyTable Table = new(
        ("ApiKeySelectionExpression", PropertySpec.Optional(V.Str)),
        ("AccessLogSettings", PropertySpec.Optional(V.Dict)),
        ("Auth", PropertySpec.Optional(V.Dict)),
        ("DefaultRouteSettings", PropertySpec.Optional(V.Dict)),
        ("Description", PropertySpec.Optional(V.Str)),
        ("DisableExecuteApiEndpoint", PropertySpec.Optional(V.Bool)),
        ("Domain", PropertySpec.Optional(V.Dict)),
        ("DisableSchemaValidation", PropertySpec.Optional(V.Bool)),
        ("FailOnWarnings", PropertySpec.Optional(V.Bool)),
        ("IpAddressType", PropertySpec.Optional(V.Str)),
        ("Name", PropertySpec.Optional(V.Str)),
        ("PropagateTags", PropertySpec.Optional(V.Bool)),
        ("Routes", PropertySpec.Mandatory(V.Dict)),
        ("RouteSettings", PropertySpec.Optional(V.Dict)),
        ("RouteSelectionExpression", PropertySpec.Mandatory(V.Str)),
        ("StageName", PropertySpec.Optional(V.OneOf(V.Str, V.Dict))),
        ("StageVariables", PropertySpec.Optional(V.Dict)),
        ("Tags", PropertySpec.Optional(V.Dict)));

    public override string ResourceType => Type;

    protected override PropertyTable PropertyTypes => Table;

    public override IReadOnlyDictionary<string, string> ReferableProperties => ApiV2Generator.ReferableProperties;

    public override IList<CfnResource> ToCloudFormation(TransformContext ctx)
    {
        var auth = ResolvedMapProperty(ctx, "Auth");
        var domain = ResolvedMapProperty(ctx, "Domain", falsyIsAbsent: false);
        var routes = ResolvedMapProperty(ctx, "Routes");
        // The reference (1.110.0) gives its WebSocket generator no resource attributes: Condition, DeletionPolicy,
        // UpdateReplacePolicy, Metadata and UpdatePolicy of the SAM resource reach none of the generated resources.
        var generator = new WebSocketApiGenerator(
            LogicalId,
            new MapNode(),
            new MapNode(),
            DependsOn,
            domain,
            Prop("Name"),
            Prop("StageName"),
            routes,
            Prop("Tags"))
        {
            StageVariables = Prop("StageVariables"),
            RouteSelectionExpression = Prop("RouteSelectionExpression"),
            ApiKeySelectionExpression = Prop("ApiKeySelectionExpression"),
            AccessLogSettings = Prop("AccessLogSettings"),
            AuthConfig = auth,
            DefaultRouteSettings = Prop("DefaultRouteSettings"),
            Description = Prop("Description"),
            DisableExecuteApiEndpoint = Prop("DisableExecuteApiEndpoint"),
            DisableSchemaValidation = Prop("DisableSchemaValidation"),
            IpAddressType = Prop("IpAddressType"),
            RouteSettings = Prop("RouteSettings"),
        };
        generator.Validate();

        // The reference looks the record set groups up under a misspelt key, so each WebSocket API starts afresh.
        var resources = generator.ToCloudFormation(new Route53RecordSetGroups());
        foreach (var r in resources)
        {
            r.Origin ??= OriginOf(generator.OriginPathOf(r));
        }

        CfnTags.Propagate(resources, Prop("Tags"), Prop("PropagateTags"));
        return resources;
    }
}
