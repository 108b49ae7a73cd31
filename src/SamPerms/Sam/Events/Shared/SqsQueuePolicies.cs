using SamPerms.Model;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;

namespace SamPerms.Sam.Events.Shared;

/// <summary>The queue policy documents SAM writes so that a service may send to a queue it created or was given.</summary>
public static class SqsQueuePolicies
{
    /// <summary>Lets the SNS topic (any principal, conditioned on the topic's ARN) send to the subscribed queue.</summary>
    public static MapNode SnsTopicSendMessage(Node topicArn, Node queueArn) =>
        SendMessage("*", queueArn, topicArn);

    /// <summary>Lets EventBridge send events that the rule failed to deliver to its dead-letter queue.</summary>
    public static MapNode EventBridgeDeadLetterSendMessage(Node ruleArn, Node queueArn) =>
        SendMessage(N.Map(("Service", "events.amazonaws.com")), queueArn, ruleArn);

    private static MapNode SendMessage(Node principal, Node queueArn, Node sourceArn) => N.Map(
        ("Version", "2012-10-17"),
        ("Statement", N.Seq(N.Map(
            ("Action", "sqs:SendMessage"),
            ("Effect", "Allow"),
            ("Principal", principal),
            ("Resource", queueArn),
            ("Condition", N.Map(("ArnEquals", N.Map(("aws:SourceArn", sourceArn)))))))));

    /// <summary>An AWS::SQS::QueuePolicy with one document for one queue (given by URL).</summary>
    public static Core.CfnResource QueuePolicy(string logicalId, MapNode document, Node queueUrl, MapNode attributes)
    {
        var policy = new Core.CfnResource(logicalId, "AWS::SQS::QueuePolicy").WithAttributes(attributes);
        policy["PolicyDocument"] = document;
        policy["Queues"] = N.Seq(queueUrl);
        return policy;
    }
}
