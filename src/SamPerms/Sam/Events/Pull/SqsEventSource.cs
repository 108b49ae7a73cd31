using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Pull;

/// <summary>Type: SQS — Lambda polls a queue; the role gets AWSLambdaSQSQueueExecutionRole.</summary>
public sealed class SqsEventSource : PullEventSource
{
    private static readonly PropertyTable Table = WithCommon(("Queue", RequiredPassThrough));

    public override string Type => "SQS";

    protected override PropertyTable PropertyTypes => Table;

    protected override Node? EventSourceArn => Prop("Queue");

    protected override string? ManagedPolicyName => "service-role/AWSLambdaSQSQueueExecutionRole";

    protected override string PollerReads => "queue";

    protected override List<MapNode>? PolicyStatements(TransformContext ctx) => null;

    /// <summary>
    /// The queue mapping an SNS event with SqsSubscription creates (&lt;event&gt;EventSourceMapping): the
    /// reference fills it in code, unchecked, with the subscription's batch size (default 10) and Enabled.
    /// </summary>
    public static SqsEventSource ForSnsSubscription(string logicalId, Node queueArn, Node? batchSize)
    {
        var source = new SqsEventSource();
        source.LoadGenerated(logicalId, N.Map(
            ("Queue", queueArn),
            ("BatchSize", Py.Truthy(batchSize) ? batchSize : new IntNode(10)),
            ("Enabled", true)));
        return source;
    }
}
