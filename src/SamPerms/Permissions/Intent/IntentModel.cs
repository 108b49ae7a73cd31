using SamPerms.Model;
using SamPerms.Text;

namespace SamPerms.Permissions.Intent;

/// <summary>Where an intent entry was declared: the intent file (or the template, for inline intent), its path and span.</summary>
public sealed record IntentLocation(string File, string Path, SourceSpan Span)
{
    public override string ToString() => $"{File}: {Path}";
}

/// <summary>
/// What the author declares one function or state machine should be allowed. A side left out (no
/// <c>InvokedBy</c>, no <c>Allow</c>) is not checked; an empty list declares that nothing is expected.
/// Values are template nodes (intrinsics allowed) rendered against the template when compared.
/// </summary>
public sealed record SubjectIntent(
    string Id,
    SubjectKind Kind,
    IReadOnlyList<InvokeIntent>? InvokedBy,
    IReadOnlyList<AllowIntent>? Allow,
    IntentLocation Location)
{
    /// <summary>What its role must never be allowed (a guardrail, checked even when Allow is a wide ceiling).</summary>
    public IReadOnlyList<AllowIntent>? Deny { get; init; }
}

/// <summary>
/// A declared invoker: a principal (service, account, <c>*</c>) optionally limited to a source ARN and account;
/// or an event source (stream, queue) read by an event source mapping. <see cref="AuthorizationRequired"/>: the
/// API routes and function URLs through which it invokes must authorize their callers.
/// </summary>
public sealed record InvokeIntent(string? Principal, Node? Source, Node? SourceAccount, Node? EventSource, IntentLocation Location, bool AuthorizationRequired = false);

/// <summary>A declared permission of the role: actions on resources, optionally under an IAM condition.</summary>
public sealed record AllowIntent(IReadOnlyList<Node> Actions, IReadOnlyList<Node> Resources, Node? Condition, IntentLocation Location);

/// <summary>The intent for a template: from an intent file, from inline <c>Metadata: SamPerms</c>, or both.</summary>
public sealed record IntentDocument(IReadOnlyList<SubjectIntent> Subjects)
{
    public static readonly IntentDocument Empty = new([]);

    /// <summary>The file's entries replace inline ones for the same subject; the rest are kept.</summary>
    public IntentDocument Over(IntentDocument inline) =>
        new([.. inline.Subjects.Where(i => !Subjects.Any(s => s.Id == i.Id)), .. Subjects]);
}
