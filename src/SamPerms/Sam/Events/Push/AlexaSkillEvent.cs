using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Push;

/// <summary>AlexaSkill: only a permission for the Alexa service, restricted to the skill by its id (EventSourceToken).</summary>
public sealed class AlexaSkillEvent : PushEventSource
{
    private static readonly PropertyTable Table = new(("SkillId", PropertySpec.Optional(V.Str)));

    public override string Type => "AlexaSkill";

    protected override string Principal => "alexa-appkit.amazon.com";

    protected override PropertyTable PropertyTypes => Table;

    public override IList<CfnResource> ToCloudFormation(EventContext ectx) =>
        [ConstructPermission(ectx.Function, eventSourceToken: Prop("SkillId"))];
}
