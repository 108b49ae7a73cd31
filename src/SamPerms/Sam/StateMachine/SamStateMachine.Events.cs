using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.StateMachine;

public sealed partial class SamStateMachine
{
    private readonly LinkedEvents _events = new(StateMachineEventTypes.Create);

    /// <summary>The reference's resources_to_link: every event reads the resources it will edit (Api: the REST API).</summary>
    public override void LinkResources(TransformContext ctx) => _events.Link(this, ctx);

    /// <summary>
    /// Expands each event in template order against the target (state machine or alias). Unlike a function's,
    /// errors here are reported as the event's, not wrapped in the state machine's.
    /// </summary>
    private List<CfnResource> GenerateEventResources(CfnResource target, TransformContext ctx)
    {
        if (Prop("Events") is not MapNode events || events.Count == 0)
        {
            return [];
        }

        var ectx = new StateMachineEventContext(ctx, target, Prop("PermissionsBoundary"), this);
        return _events.Expand(this, events.Entries, source => source.ToCloudFormation(ectx));
    }
}
