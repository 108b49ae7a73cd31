using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;

namespace SamPerms.Sam.StateMachine;

public sealed partial class SamStateMachine
{
    private readonly Dictionary<string, EventSource> _linkedEvents = new(StringComparer.Ordinal);

    /// <summary>The reference's resources_to_link: every event reads the resources it will edit (Api: the REST API).</summary>
    public override void LinkResources(TransformContext ctx)
    {
        if (Prop("Events") is not MapNode events)
        {
            return;
        }

        try
        {
            foreach (var e in events.Entries)
            {
                var source = StateMachineEventTypes.Create(e.Value, e.Key);
                source.Load(LogicalId + e.Key, (MapNode)e.Value, e.Key);
                source.LinkResources(ctx, this);
                _linkedEvents[e.Key] = source;
            }
        }
        catch (InvalidEventException e)
        {
            throw new InvalidResourceException(LogicalId, e.Message).Locate(e.At);
        }
    }

    /// <summary>
    /// Expands each event in template order against the target (state machine or alias). Unlike a function's,
    /// errors here are reported as the event's, not wrapped in the state machine's.
    /// </summary>
    private List<CfnResource> GenerateEventResources(CfnResource target, TransformContext ctx)
    {
        var resources = new List<CfnResource>();
        if (Prop("Events") is not MapNode events || events.Count == 0)
        {
            return resources;
        }

        var ectx = new StateMachineEventContext(ctx, target, Prop("PermissionsBoundary"), this);
        foreach (var e in events.Entries)
        {
            if (!_linkedEvents.TryGetValue(e.Key, out var source))
            {
                source = StateMachineEventTypes.Create(e.Value, e.Key);
                source.Load(LogicalId + e.Key, (MapNode)e.Value, e.Key);
            }

            foreach (var r in source.ToCloudFormation(ectx))
            {
                r.Origin ??= source.Origin(this);
                resources.Add(r);
            }
        }

        return resources;
    }
}
