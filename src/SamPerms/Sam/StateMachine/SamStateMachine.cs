using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.StateMachine;

/// <summary>
/// AWS::Serverless::StateMachine → AWS::StepFunctions::StateMachine, its execution role, the version and alias
/// of AutoPublishAlias, and the resources of its events. The steps follow the reference's
/// StateMachineGenerator.to_cloudformation; each feature lives in its own partial file.
/// </summary>
public sealed partial class SamStateMachine : SamResource
{
    public const string Type = "AWS::Serverless::StateMachine";
    public const string CfnType = "AWS::StepFunctions::StateMachine";

    private const string SamTagKey = "stateMachine:createdBy";

    private static readonly PropertyTable Table = new(
        ("Definition", PropertySpec.Optional(V.Dict)),
        ("DefinitionUri", PropertySpec.Optional(V.OneOf(V.Str, V.Dict))),
        ("Logging", PropertySpec.Optional(V.Dict)),
        ("Role", PropertySpec.Optional(V.Str)),
        ("RolePath", PropertySpec.PassThrough),
        ("DefinitionSubstitutions", PropertySpec.Optional(V.Dict)),
        ("Events", PropertySpec.Optional(V.DictOf(V.Str, V.Dict))),
        ("Name", PropertySpec.Optional(V.Str)),
        ("Type", PropertySpec.Optional(V.Str)),
        ("Tags", PropertySpec.Optional(V.Dict)),
        ("PropagateTags", PropertySpec.Optional(V.Bool)),
        ("Policies", PropertySpec.Optional(V.OneOf(V.Str, V.ListOf(V.OneOf(V.Str, V.Dict))))),
        ("Tracing", PropertySpec.Optional(V.Dict)),
        ("PermissionsBoundary", PropertySpec.Optional(V.Str)),
        ("AutoPublishAlias", PropertySpec.PassThrough),
        ("DeploymentPreference", PropertySpec.PassThrough),
        ("UseAliasAsEventTarget", PropertySpec.Strict(V.Bool)));

    public override string ResourceType => Type;

    protected override PropertyTable PropertyTypes => Table;

    public override IList<CfnResource> ToCloudFormation(TransformContext ctx)
    {
        var stateMachine = new CfnResource(LogicalId, CfnType) { DependsOn = DependsOn, Origin = OriginOf() };
        stateMachine.WithAttributes(ResourceAttributes);
        var resources = new List<CfnResource> { stateMachine };

        ApplyDefinition(stateMachine, ctx);

        if (Py.Truthy(Prop("Role")) && Py.Truthy(Prop("Policies")))
        {
            throw new InvalidResourceException(LogicalId, "Specify either 'Role' or 'Policies' (but not both at the same time) or neither of them").Locate(Prop("Role"));
        }

        if (Py.Truthy(Prop("Role")))
        {
            stateMachine["RoleArn"] = Prop("Role");
        }
        else
        {
            var role = ConstructRole(ctx);
            stateMachine["RoleArn"] = role.GetAtt("Arn");
            resources.Add(role);
        }

        stateMachine["StateMachineName"] = Prop("Name");
        stateMachine["StateMachineType"] = Prop("Type");
        stateMachine["LoggingConfiguration"] = Prop("Logging");
        stateMachine["TracingConfiguration"] = Prop("Tracing");
        stateMachine["Tags"] = TagList();

        var alias = ConstructVersionAndAlias(stateMachine, resources);
        var target = Py.Truthy(Prop("UseAliasAsEventTarget")) ? alias ?? stateMachine : stateMachine;
        resources.AddRange(GenerateEventResources(target, ctx));

        CfnTags.Propagate(resources, Prop("Tags"), Prop("PropagateTags"));
        return resources;
    }

    /// <summary>stateMachine:createdBy=SAM, then the user's tags (no reserved-key check, unlike functions).</summary>
    private SeqNode TagList()
    {
        var list = SamResource.TagList(N.Map((SamTagKey, "SAM")));
        foreach (var tag in SamResource.TagList(Prop("Tags") as MapNode))
        {
            list.Add(tag);
        }

        return list;
    }
}
