using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;

namespace SamPerms.Sam.Events.Shared;

/// <summary>
/// DeadLetterConfig of the rule and schedule events of functions and state machines (Schedule, CloudWatchEvent,
/// EventBridgeRule, ScheduleV2): either the ARN of an existing queue, or Type: SQS for a queue SAM creates (the
/// reference's EventBridgeRuleUtils). Errors name the event by its full logical id, as the reference does here.
/// </summary>
public static class EventBridgeDeadLetters
{
    /// <summary>
    /// The queue ARN for the rule's target (null without DeadLetterConfig). A queue SAM creates (named
    /// QueueLogicalId, else &lt;event&gt;Queue) comes with a queue policy letting the rule send to it; both are added
    /// to <paramref name="resources"/>.
    /// </summary>
    public static Node? ForRule(EventSource source, Node ruleArn, MapNode attributes, List<CfnResource> resources)
    {
        if (Config(source) is not { } config)
        {
            return null;
        }

        if (GivenArn(config) is { } arn)
        {
            return arn;
        }

        var queue = NewQueue(source.LogicalId, config, attributes);
        var policy = SqsQueuePolicies.QueuePolicy(
            source.LogicalId + "QueuePolicy",
            SqsQueuePolicies.EventBridgeDeadLetterSendMessage(ruleArn, queue.GetAtt("Arn")),
            queue.Ref(),
            attributes);
        resources.Add(queue);
        resources.Add(policy);
        return queue.GetAtt("Arn");
    }

    /// <summary>
    /// ScheduleV2's variant: the scheduler sends with its execution role, so a created queue gets no queue policy
    /// (the role gets an sqs:SendMessage statement instead).
    /// </summary>
    public static Node? ForSchedule(EventSource source, MapNode attributes, List<CfnResource> resources)
    {
        if (Config(source) is not { } config)
        {
            return null;
        }

        if (GivenArn(config) is { } arn)
        {
            return arn;
        }

        var queue = NewQueue(source.LogicalId, config, attributes);
        resources.Add(queue);
        return queue.GetAtt("Arn");
    }

    /// <summary>The event's DeadLetterConfig, checked as validate_dlq_config does; null when absent.</summary>
    private static MapNode? Config(EventSource source)
    {
        if (source.Prop("DeadLetterConfig") is not MapNode config)
        {
            return null;
        }

        Validate(source.LogicalId, config);
        return config;
    }

    /// <summary>Exactly one of Arn and Type, and Type can only be SQS.</summary>
    private static void Validate(string sourceLogicalId, MapNode config)
    {
        bool hasArn = config.ContainsKey("Arn");
        bool hasType = config.ContainsKey("Type");
        if (hasArn && hasType)
        {
            throw Error(sourceLogicalId, "You can either define 'Arn' or 'Type' property of DeadLetterConfig.", config);
        }

        if (hasType && config.Get("Type") is not StringNode { Value: "SQS" })
        {
            throw Error(sourceLogicalId, "The only valid value for 'Type' property of DeadLetterConfig is 'SQS'.", config.Get("Type"));
        }

        if (!hasArn && !hasType)
        {
            throw Error(sourceLogicalId, "No 'Arn' or 'Type' property provided for DeadLetterConfig.", config);
        }
    }

    private static Node? GivenArn(MapNode config) => config.Get("Arn") is { } arn and not NullNode ? arn : null;

    private static CfnResource NewQueue(string logicalId, MapNode config, MapNode attributes)
    {
        var queueId = config.Get("QueueLogicalId");
        if (queueId is not null and not NullNode and not StringNode)
        {
            throw Error(logicalId, "QueueLogicalId must be a string", queueId);
        }

        var name = queueId is StringNode { Value.Length: > 0 } s ? s.Value : logicalId + "Queue";
        if (!PropertyTable.IsValidLogicalId(name))
        {
            throw new InvalidResourceException(name, "Logical ids must be alphanumeric.").Locate(queueId);
        }

        return new CfnResource(name, "AWS::SQS::Queue").WithAttributes(attributes);
    }

    private static InvalidEventException Error(string logicalId, string message, Node? at) =>
        (InvalidEventException)new InvalidEventException(logicalId, message).Locate(at);
}
