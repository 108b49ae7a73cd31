namespace SamPerms.Permissions.Intent;

public enum FindingKind
{
    /// <summary>Declared, not granted: the subject will fail with AccessDenied, or never be invoked.</summary>
    Missing,

    /// <summary>Granted, not declared: more than the author asked for (least privilege).</summary>
    Excess,

    /// <summary>Cannot be decided before deploy: an unresolved value, a condition, a role outside the template.</summary>
    Unverifiable,
}

public enum FindingSide
{
    /// <summary>Who may invoke the subject (resource policy, trusted roles, event source mappings).</summary>
    Invoke,

    /// <summary>What the subject's role may do.</summary>
    Allow,
}

/// <summary>
/// One difference between intent and the template. <see cref="Origin"/> is the template line that grants it
/// (for excess, and for a Deny that makes something missing); <see cref="Intent"/> the declaration it concerns.
/// </summary>
public sealed record Finding(
    FindingKind Kind,
    string Subject,
    FindingSide Side,
    string? Action,
    string? Resource,
    string? Principal,
    string? SourceArn,
    string Reason,
    Source? Origin,
    IntentLocation? Intent);

/// <summary>The outcome of checking a template against intent.</summary>
public sealed record IntentReport(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Unchecked)
{
    public int Count(FindingKind kind) => Findings.Count(f => f.Kind == kind);
}
