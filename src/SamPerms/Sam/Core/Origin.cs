using SamPerms.Text;

namespace SamPerms.Sam.Core;

/// <summary>
/// Where a generated CloudFormation resource comes from: the SAM resource, the property path inside it that
/// caused it (e.g. <c>Events.Upload</c>, <c>Policies[1]</c>) and the source span of that property.
/// </summary>
public sealed record Origin(string LogicalId, string SourceType, string PropertyPath, SourceSpan Span)
{
    public override string ToString() =>
        PropertyPath.Length == 0 ? LogicalId : $"{LogicalId}.{PropertyPath}";
}
