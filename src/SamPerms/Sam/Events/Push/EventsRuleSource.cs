using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Events;

/// <summary>
/// What Schedule, CloudWatchEvent and EventBridgeRule share: an AWS::Events::Rule named after the event that
/// targets the function, an optional dead-letter queue for failed deliveries, and a permission for EventBridge
/// scoped to the rule's ARN.
/// </summary>
public abstract class EventsRuleSource : PushEventSource
{
    protected override string Principal => "events.amazonaws.com";

    protected CfnResource NewRule(FunctionTarget function) =>
        new CfnResource(LogicalId, "AWS::Events::Rule").WithAttributes(function.PassthroughAttributes());

    /// <summary>State as given, or from Enabled (true → ENABLED); giving both is an error. Null when neither.</summary>
    protected Node? RuleState()
    {
        var state = Prop("State");
        var enabled = Prop("Enabled");
        if (Py.Truthy(state) && enabled is not null)
        {
            throw Error("State and Enabled Properties cannot both be specified.", EventDict.Get("Properties"));
        }

        if (enabled is not null)
        {
            return Py.Truthy(enabled) ? "ENABLED" : "DISABLED";
        }

        return Py.Truthy(state) ? state : null;
    }

    /// <summary>The dead-letter queue's ARN (null without DeadLetterConfig), adding the queue SAM creates to <paramref name="resources"/>.</summary>
    protected Node? DeadLetterQueue(CfnResource rule, FunctionTarget function, List<CfnResource> resources)
    {
        if (Prop("DeadLetterConfig") is not MapNode config)
        {
            return null;
        }

        EventBridgeDeadLetters.Validate(LogicalId, config);
        var (arn, created) = EventBridgeDeadLetters.QueueArnAndResources(LogicalId, config, rule.GetAtt("Arn"), function.PassthroughAttributes());
        resources.AddRange(created);
        return arn;
    }

    /// <summary>The rule's one target: the function, with the id given, else &lt;event&gt;LambdaTarget (cut to 64 characters).</summary>
    protected static MapNode Target(FunctionTarget function, Node id) =>
        N.Map(("Arn", function.Arn()), ("Id", id));

    protected string DefaultTargetId() => EventRuleTargets.ValidTargetId(LogicalId, EventRuleTargets.LambdaTargetSuffix);

    /// <summary>Adds the dead-letter ARN and the retry policy to a target, when given.</summary>
    protected void AddDeliveryOptions(MapNode target, Node? deadLetterArn)
    {
        if (Prop("DeadLetterConfig") is not null)
        {
            target.Set("DeadLetterConfig", N.Map(("Arn", deadLetterArn ?? NullNode.Instance)));
        }

        if (Prop("RetryPolicy") is { } retry)
        {
            target.Set("RetryPolicy", retry);
        }
    }
}
