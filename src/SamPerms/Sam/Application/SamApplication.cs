using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Application;

/// <summary>
/// AWS::Serverless::Application → an AWS::CloudFormation::Stack (nested stack). The template URL comes from
/// <see cref="ServerlessAppPlugin"/>, which copies a URL Location into TemplateUrl before the resource is read.
/// </summary>
public sealed class SamApplication : SamResource
{
    public const string Type = "AWS::Serverless::Application";

    internal const string ApplicationIdKey = "ApplicationId";
    internal const string SemanticVersionKey = "SemanticVersion";

    private static readonly PropertyTable Table = new(
        ("Location", PropertySpec.Mandatory(V.OneOf(V.Str, V.Dict))),
        ("TemplateUrl", PropertySpec.Optional(V.Str)),
        ("Parameters", PropertySpec.Optional(V.Dict)),
        ("NotificationARNs", PropertySpec.Optional(V.ListOf(V.OneOf(V.Str, V.Dict)))),
        ("Tags", PropertySpec.Optional(V.Dict)),
        ("TimeoutInMinutes", PropertySpec.Optional(V.Int)));

    public override string ResourceType => Type;

    protected override PropertyTable PropertyTypes => Table;

    public override IList<CfnResource> ToCloudFormation(TransformContext ctx)
    {
        var stack = new CfnResource(LogicalId, "AWS::CloudFormation::Stack") { DependsOn = DependsOn, Origin = OriginOf() }
            .WithAttributes(PassthroughAttributes());
        stack["Parameters"] = Prop("Parameters");
        stack["NotificationARNs"] = Prop("NotificationARNs");
        stack["Tags"] = ConstructTagList(Prop("Tags"), ApplicationTags());
        stack["TimeoutInMinutes"] = Prop("TimeoutInMinutes");
        stack["TemplateURL"] = Py.Truthy(Prop("TemplateUrl")) ? Prop("TemplateUrl") : new StringNode("");
        if (ctx.StateIfAny<ServerlessAppPlugin.Applications>()?.Offline.GetValueOrDefault(LogicalId) is { } offline)
        {
            throw offline;
        }

        return [stack];
    }

    /// <summary>A repository application's stack is tagged with its id and version.</summary>
    private MapNode ApplicationTags()
    {
        var tags = new MapNode();
        if (Prop("Location") is MapNode location)
        {
            if (location.Get(ApplicationIdKey) is { } id and not NullNode)
            {
                tags.Set("serverlessrepo:applicationId", id);
            }

            if (location.Get(SemanticVersionKey) is { } version and not NullNode)
            {
                tags.Set("serverlessrepo:semanticVersion", version);
            }
        }

        return tags;
    }
}
