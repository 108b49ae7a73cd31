using SamPerms.Model;
using SamPerms.Sam.Events;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.StateMachine;

/// <summary>
/// The event types a state machine accepts (the reference's resolver over stepfunctions.events and scheduler),
/// each with the class that expands it. They are separate from a function's event types, except ScheduleV2,
/// whose one class serves both.
/// </summary>
public static class StateMachineEventTypes
{
    private static readonly Dictionary<string, Func<EventSource>> Factories = new(StringComparer.Ordinal)
    {
        ["Schedule"] = () => new StateMachineScheduleEvent(),
        ["ScheduleV2"] = () => new ScheduleV2Event(),
        ["CloudWatchEvent"] = () => new StateMachineCloudWatchEvent(),
        ["EventBridgeRule"] = () => new StateMachineEventBridgeRuleEvent(),
        ["Api"] = () => new StateMachineApiEvent(),
    };

    /// <summary>The class of a state machine's event, from its Type.</summary>
    public static EventSource Create(Node eventDict, string eventId) => EventTypeResolver.Create(Factories, eventDict, eventId);
}
