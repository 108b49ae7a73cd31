using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.StateMachine;

/// <summary>
/// DeadLetterConfig of EventBridge rules and Scheduler schedules (the reference's EventBridgeRuleUtils): either
/// an existing queue's Arn, or Type: SQS for a queue SAM creates (with a queue policy letting the rule send to it).
/// </summary>
public static class RuleDeadLetterQueue
{
    /// <summary>The reference's validate_dlq_config; errors name the event's full logical id.</summary>
    public static void Validate(string eventLogicalId, MapNode config)
    {
        bool hasArn = config.ContainsKey("Arn");
        bool hasType = config.ContainsKey("Type");
        if (hasArn && hasType)
        {
            throw new InvalidEventException(eventLogicalId, "You can either define 'Arn' or 'Type' property of DeadLetterConfig.").Locate(config);
        }

        if (hasType && config.Get("Type") is not StringNode { Value: "SQS" })
        {
            throw new InvalidEventException(eventLogicalId, "The only valid value for 'Type' property of DeadLetterConfig is 'SQS'.").Locate(config.Get("Type"));
        }

        if (!hasArn && !hasType)
        {
            throw new InvalidEventException(eventLogicalId, "No 'Arn' or 'Type' property provided for DeadLetterConfig.").Locate(config);
        }
    }

    /// <summary>
    /// The queue ARN the target sends failures to, and the resources created for it: for a rule, the queue and
    /// its policy (<paramref name="ruleArn"/> given); for a schedule, only the queue (its role gets the permission).
    /// </summary>
    public static (Node QueueArn, List<CfnResource> Resources) QueueArnAndResources(
        string eventLogicalId, MapNode config, Node? ruleArn, MapNode attributes, Origin origin)
    {
        if (config.Get("Arn") is { } arn && arn is not NullNode)
        {
            return (arn, []);
        }

        var queueLogicalId = config.Get("QueueLogicalId");
        if (queueLogicalId is not null and not NullNode and not StringNode)
        {
            throw new InvalidEventException(eventLogicalId, "QueueLogicalId must be a string").Locate(queueLogicalId);
        }

        var queueId = queueLogicalId is StringNode { Value.Length: > 0 } given ? given.Value : eventLogicalId + "Queue";
        var queue = new CfnResource(queueId, "AWS::SQS::Queue") { Origin = origin }.WithAttributes(attributes.ShallowCopy());
        var queueArn = queue.GetAtt("Arn");
        var resources = new List<CfnResource> { queue };
        if (ruleArn is not null)
        {
            var policy = new CfnResource(eventLogicalId + "QueuePolicy", "AWS::SQS::QueuePolicy") { Origin = origin }.WithAttributes(attributes.ShallowCopy());
            policy["PolicyDocument"] = N.Map(
                ("Version", "2012-10-17"),
                ("Statement", N.Seq(N.Map(
                    ("Action", "sqs:SendMessage"),
                    ("Effect", "Allow"),
                    ("Principal", N.Map(("Service", "events.amazonaws.com"))),
                    ("Resource", queueArn),
                    ("Condition", N.Map(("ArnEquals", N.Map(("aws:SourceArn", ruleArn)))))))));
            policy["Queues"] = N.Seq(queue.Ref());
            resources.Add(policy);
        }

        return (queue.GetAtt("Arn"), resources);
    }
}
