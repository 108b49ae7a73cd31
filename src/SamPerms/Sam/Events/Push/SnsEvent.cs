using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Pull;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Push;

/// <summary>
/// SNS: a subscription of the function to the topic plus a permission for SNS; or, with SqsSubscription, the
/// topic delivers to a queue (created by SAM when SqsSubscription is true, else the one given) that the topic
/// may send to, and the function polls that queue.
/// </summary>
public sealed class SnsEvent : PushEventSource
{
    private static readonly PropertyTable Table = new(
        ("Topic", PropertySpec.Mandatory(V.Str)),
        ("Region", PropertySpec.Optional(V.Str)),
        ("FilterPolicy", PropertySpec.PassThrough),
        ("FilterPolicyScope", PropertySpec.PassThrough),
        ("SqsSubscription", PropertySpec.Optional(V.OneOf(V.Bool, V.Dict))),
        ("RedrivePolicy", PropertySpec.Optional(V.Dict)));

    public override string Type => "SNS";

    protected override string Principal => "sns.amazonaws.com";

    protected override PropertyTable PropertyTypes => Table;

    public override IList<CfnResource> ToCloudFormation(EventContext ectx)
    {
        var function = ectx.Function;
        var topic = Prop("Topic")!;
        var sqsSubscription = Prop("SqsSubscription");
        if (!Py.Truthy(sqsSubscription))
        {
            return [ConstructPermission(function, sourceArn: topic), Subscription("lambda", function.Arn(), function)];
        }

        if (sqsSubscription is BoolNode)
        {
            var fifo = FifoTopic(ectx.Transform, Intrinsics.LogicalIdOf(topic));
            var queue = new CfnResource(LogicalId + "Queue", "AWS::SQS::Queue").WithAttributes(function.PassthroughAttributes());
            if (Py.Truthy(fifo))
            {
                queue["FifoQueue"] = fifo;
            }

            var resources = new List<CfnResource> { QueueMapping(ectx, queue.GetAtt("Arn"), null) };
            resources.Add(queue);
            resources.Add(QueuePolicy(topic, queue.GetAtt("Arn"), queue.Ref(), function, null));
            resources.Add(Subscription("sqs", queue.GetAtt("Arn"), function));
            return resources;
        }

        var given = Expect.That(sqsSubscription, RelativeId, "SqsSubscription", isEvent: true).ToBeMap();
        var queueArn = given.Get("QueueArn");
        var queueUrl = given.Get("QueueUrl");
        if (!Py.Truthy(queueArn) || !Py.Truthy(queueUrl))
        {
            throw Error("No QueueARN or QueueURL provided.", given);
        }

        var policy = QueuePolicy(topic, queueArn!, queueUrl!, function, given.Get("QueuePolicyLogicalId"));
        var subscription = Subscription("sqs", queueArn!, function);
        return [QueueMapping(ectx, queueArn!, given.Get("BatchSize")), policy, subscription];
    }

    private CfnResource Subscription(string protocol, Node endpoint, FunctionTarget function)
    {
        var subscription = new CfnResource(LogicalId, "AWS::SNS::Subscription").WithAttributes(function.PassthroughAttributes());
        subscription["Protocol"] = protocol;
        subscription["Endpoint"] = endpoint;
        subscription["TopicArn"] = Prop("Topic");
        subscription["Region"] = Prop("Region");
        subscription["FilterPolicy"] = Prop("FilterPolicy");
        subscription["FilterPolicyScope"] = Prop("FilterPolicyScope");
        subscription["RedrivePolicy"] = Prop("RedrivePolicy");
        return subscription;
    }

    /// <summary>The queue policy that lets the topic send to the queue (named QueuePolicyLogicalId when given).</summary>
    private CfnResource QueuePolicy(Node topicArn, Node queueArn, Node queueUrl, FunctionTarget function, Node? logicalId)
    {
        var id = LogicalId + "QueuePolicy";
        if (Py.Truthy(logicalId))
        {
            id = Py.Str(logicalId);
            if (logicalId is not StringNode || !PropertyTable.IsValidLogicalId(id))
            {
                throw new InvalidResourceException(id, "Logical ids must be alphanumeric.").Locate(logicalId);
            }
        }

        return SqsQueuePolicies.QueuePolicy(id, SqsQueuePolicies.SnsTopicSendMessage(topicArn, queueArn), queueUrl, function.PassthroughAttributes());
    }

    /// <summary>
    /// The queue SAM creates for a FIFO topic must be FIFO too: read FifoTopic (parameters resolved) from the
    /// topic when the template declares it.
    /// </summary>
    private static Node? FifoTopic(TransformContext ctx, string? topicId)
    {
        if (topicId is null || ctx.SamResources.Get(topicId) is not MapNode topic || topic.Get("Properties") is not MapNode properties)
        {
            return null;
        }

        return ctx.Intrinsics.ResolveParameterRefs(properties.Get("FifoTopic"));
    }

    /// <summary>
    /// The function polls the queue: the reference builds an SQS event here (Queue, BatchSize 10 unless given,
    /// Enabled) and expands it like any other, which maps the queue and gives the role SQS's managed policy.
    /// </summary>
    private CfnResource QueueMapping(EventContext ectx, Node queueArn, Node? batchSize) =>
        SqsEventSource.ForSnsSubscription(LogicalId + "EventSourceMapping", queueArn, batchSize).ToCloudFormation(ectx).Single();
}
