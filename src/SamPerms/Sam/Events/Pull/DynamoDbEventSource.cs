using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Pull;

/// <summary>Type: DynamoDB — Lambda polls a table's stream; the role gets AWSLambdaDynamoDBExecutionRole.</summary>
public sealed class DynamoDbEventSource : PullEventSource
{
    private static readonly PropertyTable Table = WithCommon(("Stream", RequiredPassThrough), ("StartingPosition", RequiredPassThrough));

    public override string Type => "DynamoDB";

    protected override PropertyTable PropertyTypes => Table;

    protected override Node? EventSourceArn => Prop("Stream");

    protected override string? ManagedPolicyName => "service-role/AWSLambdaDynamoDBExecutionRole";

    protected override string PollerReads => "stream";

    protected override List<MapNode>? PolicyStatements(TransformContext ctx) => null;
}
