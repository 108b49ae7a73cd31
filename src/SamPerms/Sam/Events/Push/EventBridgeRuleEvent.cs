namespace SamPerms.Sam.Events;

/// <summary>EventBridgeRule: the same expansion as CloudWatchEvent under the service's current name.</summary>
public sealed class EventBridgeRuleEvent : CloudWatchEventSource
{
    public override string Type => "EventBridgeRule";
}
