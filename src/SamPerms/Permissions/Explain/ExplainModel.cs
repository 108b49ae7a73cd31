using SamPerms.Text;

namespace SamPerms.Permissions.Explain;

/// <summary>A CloudFormation resource SAM generates (or changes) for a SAM resource.</summary>
public sealed record GeneratedResource(string LogicalId, string Type, bool Modified = false, IReadOnlyList<string>? ChangedProperties = null);

/// <summary>
/// The resources one property of a SAM resource causes (<c>Events.Upload</c>, <c>Policies</c>; empty: the
/// resource itself), where that property is written, and what it means in plain words.
/// </summary>
public sealed record ExplainGroup(
    string PropertyPath,
    string CauseKind,
    SourceSpan Span,
    bool FromGlobals,
    IReadOnlyList<GeneratedResource> Resources,
    IReadOnlyList<string> Sentences);

/// <summary>A SAM resource, and everything SAM turns it into, grouped by cause.</summary>
public sealed record ExplainedResource(string LogicalId, string Type, SourceSpan Span, IReadOnlyList<ExplainGroup> Groups)
{
    /// <summary>The template condition it is created under, and that condition's value with the given parameters.</summary>
    public string? TemplateCondition { get; init; }

    public bool? ConditionValue { get; init; }

    /// <summary>Not in the template: SAM creates it on its own (the ServerlessRestApi of Api events).</summary>
    public bool Implicit { get; init; }
}

/// <summary>What <c>samperms explain</c> reports for a template.</summary>
public sealed record ExplainReport(IReadOnlyList<ExplainedResource> Resources);
