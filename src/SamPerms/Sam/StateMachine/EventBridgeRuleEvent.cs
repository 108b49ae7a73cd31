namespace SamPerms.Sam.StateMachine;

/// <summary>EventBridgeRule: the newer name of CloudWatchEvent, expanded the same way.</summary>
public sealed class EventBridgeRuleEvent : CloudWatchEvent
{
    public override string Type => "EventBridgeRule";
}
