namespace SamPerms.Sam.StateMachine;

/// <summary>EventBridgeRule: the newer name of StateMachineCloudWatchEvent, expanded the same way.</summary>
public sealed class StateMachineEventBridgeRuleEvent : StateMachineCloudWatchEvent
{
    public override string Type => "EventBridgeRule";
}
