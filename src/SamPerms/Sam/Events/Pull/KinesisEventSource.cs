using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Pull;

/// <summary>Type: Kinesis — Lambda polls a stream; the role gets AWSLambdaKinesisExecutionRole.</summary>
public sealed class KinesisEventSource : PullEventSource
{
    private static readonly PropertyTable Table = WithCommon(("Stream", RequiredPassThrough), ("StartingPosition", RequiredPassThrough));

    public override string Type => "Kinesis";

    protected override PropertyTable PropertyTypes => Table;

    protected override Node? EventSourceArn => Prop("Stream");

    protected override string? ManagedPolicyName => "service-role/AWSLambdaKinesisExecutionRole";

    protected override string PollerReads => "stream";

    protected override List<MapNode>? PolicyStatements(TransformContext ctx) => null;
}
