using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;
using SamPerms.Sam.StateMachine;

namespace SamPerms.Sam.Events;

/// <summary>
/// One entry of a function's Events (S3, SQS, Schedule, ...). Reads its properties as the reference's
/// from_dict does and expands to the permission, mapping, rule or subscription SAM writes. One subclass per
/// event type, registered in <see cref="EventSourceTypes"/>.
/// </summary>
public abstract class EventSource
{
    /// <summary>Function logical id + event id: the prefix of everything this event generates.</summary>
    public string LogicalId { get; private set; } = "";

    /// <summary>The event's own id under Events.</summary>
    public string RelativeId { get; private set; } = "";

    public MapNode EventDict { get; private set; } = new();

    public MapNode Properties { get; private set; } = new();

    /// <summary>Condition etc. on the event entry itself (rare; the reference reads them like a resource's).</summary>
    public MapNode ResourceAttributes { get; } = new();

    public abstract string Type { get; }

    protected abstract PropertyTable PropertyTypes { get; }

    /// <summary>A property value; null when absent or YAML null.</summary>
    public Node? Prop(string name) => Properties.Get(name) is { } v and not NullNode ? v : null;

    public void Load(string logicalId, MapNode eventDict, string relativeId)
    {
        if (!PropertyTable.IsValidLogicalId(logicalId))
        {
            throw new InvalidResourceException(logicalId, "Logical ids must be alphanumeric.");
        }

        LogicalId = logicalId;
        RelativeId = relativeId;
        EventDict = eventDict;
        if (eventDict.Get("Properties") is { } p && p is not MapNode)
        {
            throw new InvalidResourceException(logicalId, "Properties of a resource must be an object.").Locate(p);
        }

        Properties = eventDict.Get("Properties") as MapNode ?? new MapNode();
        PropertyTypes.CheckKnown(logicalId, Type, Properties);
        foreach (var attr in SamResource.SupportedAttributes)
        {
            if (eventDict.TryGet(attr, out var v))
            {
                ResourceAttributes.Set(attr, v);
            }
        }

        PropertyTypes.Validate(logicalId, Properties);
        OnLoaded();
    }

    protected virtual void OnLoaded()
    {
    }

    /// <summary>
    /// For an event SAM builds itself rather than reads from the template (SNS's SqsSubscription makes an SQS
    /// source): the reference sets its attributes directly, so none of from_dict's checks run.
    /// </summary>
    protected void LoadGenerated(string logicalId, MapNode properties)
    {
        LogicalId = logicalId;
        Properties = properties;
    }

    /// <summary>The reference's resources_to_link: find the resources this event edits (bucket, API, ...).</summary>
    public virtual void LinkResources(TransformContext ctx, SamResource owner)
    {
    }

    /// <summary>The expansion for a function's event.</summary>
    public abstract IList<CfnResource> ToCloudFormation(EventContext ectx);

    /// <summary>
    /// The expansion for a state machine's event. Only the types a state machine accepts (see
    /// <see cref="StateMachineEventTypes"/>) have one; ScheduleV2 has both, as the reference's one class serves both.
    /// </summary>
    public virtual IList<CfnResource> ToCloudFormation(StateMachineEventContext ectx) =>
        throw new InvalidOperationException($"{Type} is not an event type of a state machine.");

    /// <summary>Origin for resources this event generates: the function's Events.&lt;id&gt;.</summary>
    public Origin Origin(SamResource owner) =>
        owner.OriginOf("Events." + RelativeId) with { Event = new OriginEvent(RelativeId, Type, Poller) };

    /// <summary>Lambda's poller of this event's source, when Lambda polls it with the function's role (an event source mapping).</summary>
    public virtual EventPoller? Poller => null;

    /// <summary>An InvalidEventException for this event.</summary>
    public InvalidEventException Error(string message, Node? at = null) =>
        (InvalidEventException)new InvalidEventException(RelativeId, message).Locate(at ?? EventDict);
}
