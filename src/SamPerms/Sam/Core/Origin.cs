using SamPerms.Text;

namespace SamPerms.Sam.Core;

/// <summary>
/// Where a generated CloudFormation resource comes from: the SAM resource, the property path inside it that
/// caused it (e.g. <c>Events.Upload</c>, <c>Policies[1]</c>) and the source span of that property.
/// </summary>
public sealed record Origin(string LogicalId, string SourceType, string PropertyPath, SourceSpan Span)
{
    /// <summary>The SAM event (<c>Events.&lt;name&gt;</c>) the resource was generated for; null for any other property.</summary>
    public OriginEvent? Event { get; init; }

    public override string ToString() =>
        PropertyPath.Length == 0 ? LogicalId : $"{LogicalId}.{PropertyPath}";
}

/// <summary>
/// The SAM event behind a generated resource: its name under Events, its Type, and, when Lambda polls its source
/// with the function's role (SQS, Kinesis, DynamoDB, MSK, MQ, self-managed Kafka, DocumentDB), that poller.
/// </summary>
public sealed record OriginEvent(string Name, string Type, EventPoller? Poller)
{
    /// <summary>Whether Lambda polls the event's source with the function's role (an event source mapping).</summary>
    public bool Polled => Poller is not null;
}

/// <summary>
/// What Lambda's poller of an event reads (<c>queue</c>, <c>stream</c>, <c>cluster</c>, <c>broker</c>) and the AWS
/// managed policy SAM adds to the function's generated role for it (<c>service-role/AWSLambdaSQSQueueExecutionRole</c>;
/// null when the poller's statements are inline), as the event source declares them.
/// </summary>
public sealed record EventPoller(string Reads, string? ManagedPolicy);
