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
/// The SAM event behind a generated resource: its name under Events, its Type, and whether Lambda polls its
/// source with the function's role (SQS, Kinesis, DynamoDB, MSK, MQ, self-managed Kafka, DocumentDB).
/// </summary>
public sealed record OriginEvent(string Name, string Type, bool Polled);
