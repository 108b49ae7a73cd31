using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// AWS::Serverless::Api → AWS::ApiGateway::RestApi, a Deployment whose id hashes the definition, a Stage, and
/// whatever Auth, Domain and UsagePlan ask for (the reference's SamApi; the work is in <see cref="ApiGenerator"/>).
/// </summary>
public sealed class SamApi : SamResource
{
    public const string Type = "AWS::Serverless::Api";

    private static readonly Validator StrOrDict = V.OneOf(V.Str, V.Dict);

    private static readonly PropertyTable Table = new(
        (Plugins.DefaultDefinitionBodyPlugin.ManageSwagger, PropertySpec.Optional(V.Bool)),
        ("Name", PropertySpec.Optional(StrOrDict)),
        ("StageName", PropertySpec.Mandatory(StrOrDict)),
        ("Tags", PropertySpec.Optional(V.Dict)),
        ("PropagateTags", PropertySpec.Optional(V.Bool)),
        ("DefinitionBody", PropertySpec.Optional(V.Dict)),
        ("DefinitionUri", PropertySpec.Optional(StrOrDict)),
        ("MergeDefinitions", PropertySpec.Strict(V.Bool)),
        ("CacheClusterEnabled", PropertySpec.Optional(V.Bool)),
        ("CacheClusterSize", PropertySpec.Optional(V.Str)),
        ("Variables", PropertySpec.Optional(V.Dict)),
        ("EndpointConfiguration", PropertySpec.Optional(StrOrDict)),
        ("MethodSettings", PropertySpec.Optional(V.List)),
        ("BinaryMediaTypes", PropertySpec.Optional(V.List)),
        ("MinimumCompressionSize", PropertySpec.Optional(V.Int)),
        ("Cors", PropertySpec.Optional(StrOrDict)),
        ("Auth", PropertySpec.Optional(V.Dict)),
        ("GatewayResponses", PropertySpec.Optional(V.Dict)),
        ("AccessLogSetting", PropertySpec.Optional(V.Dict)),
        ("CanarySetting", PropertySpec.Optional(V.Dict)),
        ("TracingEnabled", PropertySpec.Optional(V.Bool)),
        ("OpenApiVersion", PropertySpec.Optional(V.Str)),
        ("Models", PropertySpec.Optional(V.Dict)),
        ("Domain", PropertySpec.Optional(V.Dict)),
        ("FailOnWarnings", PropertySpec.Optional(V.Bool)),
        ("Description", PropertySpec.Optional(V.Str)),
        ("Mode", PropertySpec.Optional(V.Str)),
        ("DisableExecuteApiEndpoint", PropertySpec.Optional(V.Bool)),
        ("ApiKeySourceType", PropertySpec.Optional(V.Str)),
        ("AlwaysDeploy", PropertySpec.Strict(V.Bool)),
        ("Policy", PropertySpec.Optional(StrOrDict)),
        ("SecurityPolicy", PropertySpec.Optional(V.Str)),
        ("EndpointAccessMode", PropertySpec.Optional(V.Str)));

    private static readonly Dictionary<string, string> Referable = new(StringComparer.Ordinal)
    {
        ["Stage"] = "AWS::ApiGateway::Stage",
        ["Deployment"] = "AWS::ApiGateway::Deployment",
        ["DomainName"] = "AWS::ApiGateway::DomainName",
        ["DomainNameV2"] = "AWS::ApiGateway::DomainNameV2",
        ["UsagePlan"] = "AWS::ApiGateway::UsagePlan",
        ["UsagePlanKey"] = "AWS::ApiGateway::UsagePlanKey",
        ["ApiKey"] = "AWS::ApiGateway::ApiKey",
    };

    public override string ResourceType => Type;

    protected override PropertyTable PropertyTypes => Table;

    public override IReadOnlyDictionary<string, string> ReferableProperties => Referable;

    public override IList<CfnResource> ToCloudFormation(TransformContext ctx)
    {
        var resolver = ctx.Intrinsics;
        var binaryMediaTypes = resolver.ResolveParameterRefs(Prop("BinaryMediaTypes"));
        var domain = resolver.ResolveParameterRefs(Prop("Domain"));
        var auth = resolver.ResolveParameterRefs(Prop("Auth"));
        var generator = new ApiGenerator(this, ctx)
        {
            BinaryMedia = binaryMediaTypes is NullNode ? null : binaryMediaTypes,
            Domain = domain is NullNode ? null : domain,
            Auth = auth is NullNode ? null : auth,
        };
        var resources = generator.ToCloudFormation(RedeployFunctionNames.For(ctx, LogicalId));
        CfnTags.Propagate(resources, Prop("Tags"), Prop("PropagateTags"));
        return resources;
    }
}
