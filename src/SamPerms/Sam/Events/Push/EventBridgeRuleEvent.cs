using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Push;

/// <summary>EventBridgeRule: the same expansion as CloudWatchEvent under the service's current name.</summary>
public sealed class EventBridgeRuleEvent : CloudWatchEventSource
{
    public override string Type => "EventBridgeRule";
}
