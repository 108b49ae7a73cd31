using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;

namespace SamPerms.Sam.Events.Shared;

/// <summary>
/// What the events that create an EventBridge rule or schedule share, whether they target a function or a state
/// machine (the reference repeats these steps in eventsources/push.py, stepfunctions/events.py and
/// eventsources/scheduler.py): the rule, its State, its one target and that target's id.
/// </summary>
public static class EventRules
{
    /// <summary>The suffix of the id of a rule's target that is a function.</summary>
    public const string LambdaTargetSuffix = "LambdaTarget";

    /// <summary>The suffix of the id of a rule's target that is a state machine.</summary>
    public const string StepFunctionsTargetSuffix = "StepFunctionsTarget";

    /// <summary>EventBridge limits target ids to 64 characters.</summary>
    public const int MaxTargetIdLength = 64;

    /// <summary>The rule, with the event's logical id and the target's pass-through attributes.</summary>
    private static CfnResource NewRule(EventSource source, MapNode attributes) =>
        new CfnResource(source.LogicalId, "AWS::Events::Rule").WithAttributes(attributes);

    /// <summary>
    /// A Schedule event's rule, for a function or a state machine: the schedule expression, State (or Enabled),
    /// Name and Description. (Name names the rule; a function's RuleName is accepted but unused, as in the reference.)
    /// </summary>
    public static CfnResource ScheduleRule(EventSource source, MapNode attributes)
    {
        var rule = NewRule(source, attributes);
        rule["ScheduleExpression"] = source.Prop("Schedule");
        rule["State"] = State(source);
        rule["Name"] = source.Prop("Name");
        rule["Description"] = source.Prop("Description");
        return rule;
    }

    /// <summary>
    /// A CloudWatchEvent (EventBridgeRule) event's rule, for a function or a state machine: the bus, the event
    /// pattern and RuleName. Its State is left to the caller: the function's and the state machine's event check
    /// the dead-letter queue and State in different orders.
    /// </summary>
    public static CfnResource PatternRule(EventSource source, MapNode attributes)
    {
        var rule = NewRule(source, attributes);
        rule["EventBusName"] = source.Prop("EventBusName");
        rule["EventPattern"] = source.Prop("Pattern");
        rule["Name"] = source.Prop("RuleName");
        return rule;
    }

    /// <summary>State as given, or from Enabled (true → ENABLED); giving both is an error. Null when neither.</summary>
    public static Node? State(EventSource source)
    {
        var state = source.Prop("State");
        var enabled = source.Prop("Enabled");
        if (Py.Truthy(state) && enabled is not null)
        {
            throw source.Error("State and Enabled Properties cannot both be specified.", source.EventDict.Get("Properties"));
        }

        if (enabled is not null)
        {
            return Py.Truthy(enabled) ? "ENABLED" : "DISABLED";
        }

        return Py.Truthy(state) ? state : null;
    }

    /// <summary>The target's Id: Target.Id when the event gives one, else the generated one.</summary>
    public static Node TargetId(EventSource source, string suffix) =>
        source.Prop("Target") is MapNode given && given.TryGet("Id", out var id) ? id : ValidTargetId(source.LogicalId, suffix);

    /// <summary>
    /// logicalId + suffix, with the logical id cut short when the whole would exceed the limit, so that the
    /// suffix always survives (the reference's generate_valid_target_id).
    /// </summary>
    public static string ValidTargetId(string logicalId, string suffix)
    {
        if (logicalId.Length + suffix.Length <= MaxTargetIdLength)
        {
            return logicalId + suffix;
        }

        return logicalId[..(MaxTargetIdLength - suffix.Length)] + suffix;
    }

    /// <summary>
    /// The target of a rule (with an <paramref name="id"/>) or a schedule (without): the ARN, the role that calls it
    /// when there is one, then the event's Input, InputPath, dead-letter queue, RetryPolicy and InputTransformer when
    /// given, in the reference's order.
    /// </summary>
    public static MapNode Target(EventSource source, Node arn, Node? id, Node? roleArn, Node? deadLetterArn)
    {
        var target = N.Map(("Arn", arn));
        Add(target, "Id", id);
        Add(target, "RoleArn", roleArn);
        Add(target, "Input", source.Prop("Input"));
        Add(target, "InputPath", source.Prop("InputPath"));
        if (source.Prop("DeadLetterConfig") is not null)
        {
            target.Set("DeadLetterConfig", N.Map(("Arn", deadLetterArn ?? NullNode.Instance)));
        }

        Add(target, "RetryPolicy", source.Prop("RetryPolicy"));
        Add(target, "InputTransformer", source.Prop("InputTransformer"));
        return target;
    }

    private static void Add(MapNode target, string key, Node? value)
    {
        if (value is not null)
        {
            target.Set(key, value);
        }
    }
}
