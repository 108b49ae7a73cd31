using SamPerms.Model;
using SamPerms.Sam.Api;
using SamPerms.Sam.Api.Plugins;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.HttpApi;

/// <summary>
/// AWS::Serverless::HttpApi → AWS::ApiGatewayV2::Api (with its OpenAPI body), its stage, custom domain and
/// Route53 records, and the permissions of Lambda authorizers that ask for them (the reference's SamHttpApi).
/// </summary>
public sealed class SamHttpApi : SamResource
{
    public const string Type = "AWS::Serverless::HttpApi";

    private static readonly Validator StrOrDict = V.OneOf(V.Str, V.Dict);

    private static readonly PropertyTable Table = new(
        (DefaultDefinitionBodyPlugin.ManageSwagger, PropertySpec.Optional(V.Bool)),
        ("Name", PropertySpec.PassThrough),
        ("StageName", PropertySpec.Optional(StrOrDict)),
        ("Tags", PropertySpec.Optional(V.Dict)),
        ("PropagateTags", PropertySpec.Optional(V.Bool)),
        ("DefinitionBody", PropertySpec.Optional(V.Dict)),
        ("DefinitionUri", PropertySpec.Optional(StrOrDict)),
        ("StageVariables", PropertySpec.Optional(V.Dict)),
        ("CorsConfiguration", PropertySpec.Optional(V.OneOf(V.Bool, V.Dict))),
        ("AccessLogSettings", PropertySpec.Optional(V.Dict)),
        ("DefaultRouteSettings", PropertySpec.Optional(V.Dict)),
        ("Auth", PropertySpec.Optional(V.Dict)),
        ("RouteSettings", PropertySpec.Optional(V.Dict)),
        ("Domain", PropertySpec.Optional(V.Dict)),
        ("FailOnWarnings", PropertySpec.Optional(V.Bool)),
        ("Description", PropertySpec.Optional(V.Str)),
        ("DisableExecuteApiEndpoint", PropertySpec.Optional(V.Bool)));

    public override string ResourceType => Type;

    protected override PropertyTable PropertyTypes => Table;

    public override IReadOnlyDictionary<string, string> ReferableProperties => ApiV2Generator.ReferableProperties;

    public override IList<CfnResource> ToCloudFormation(TransformContext ctx)
    {
        var cors = ctx.Intrinsics.ResolveParameterRefs(Prop("CorsConfiguration"));
        var domain = ResolvedMapProperty(ctx, "Domain", falsyIsAbsent: false);
        var generator = new HttpApiGenerator(LogicalId, PassthroughAttributes(), ResourceAttributes, DependsOn, domain)
        {
            StageVariables = Prop("StageVariables"),
            DefinitionBody = Prop("DefinitionBody"),
            DefinitionUri = Prop("DefinitionUri"),
            Name = Prop("Name"),
            StageName = Prop("StageName"),
            Tags = Prop("Tags"),
            Auth = Prop("Auth"),
            CorsConfiguration = cors is NullNode ? null : cors,
            AccessLogSettings = Prop("AccessLogSettings"),
            RouteSettings = Prop("RouteSettings"),
            DefaultRouteSettings = Prop("DefaultRouteSettings"),
            FailOnWarnings = Prop("FailOnWarnings"),
            Description = Prop("Description"),
            DisableExecuteApiEndpoint = Prop("DisableExecuteApiEndpoint"),
        };

        var resources = generator.ToCloudFormation(ctx, ctx.State<Route53RecordSetGroups>());
        foreach (var r in resources)
        {
            r.Origin ??= OriginOf(OriginPath(r));
        }

        // Tags always reach the stage and domain of an API with a DefinitionBody (the API's own tags live in the
        // body), never with a DefinitionUri: the reference's PropagateTags is "DefinitionBody is not None" here.
        if (Prop("DefinitionBody") is not null && Prop("Tags") is MapNode tags && Py.Truthy(tags))
        {
            foreach (var r in resources.Where(r => r.Type is "AWS::ApiGatewayV2::Stage" or "AWS::ApiGatewayV2::DomainName"))
            {
                r["Tags"] = tags;
            }
        }

        return resources;
    }

    private static string OriginPath(CfnResource r) =>
        r.Type == "AWS::Lambda::Permission" ? "Auth" : ApiV2Generator.DomainOriginPath(r) ?? "";
}
