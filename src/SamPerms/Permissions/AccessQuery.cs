using SamPerms.Iam;
using SamPerms.Model;
using SamPerms.Permissions.Effective;
using SamPerms.Permissions.Intent;
using SamPerms.Text;

namespace SamPerms.Permissions;

public enum AccessVerdict
{
    /// <summary>The role's statements allow it, and no Deny can apply.</summary>
    Allowed,

    /// <summary>No statement allows it, or a Deny does.</summary>
    NotAllowed,

    /// <summary>It depends on what is known only at deploy or run time, or on statements not in the template.</summary>
    Unverifiable,
}

/// <summary>The answer to "may this function do this action (on this resource)?", with the grants that decide it.</summary>
public sealed record AccessAnswer(AccessVerdict Verdict, string Reason, IReadOnlyList<Grant> Because)
{
    /// <summary>For an invoke question: the invokers that let the principal in.</summary>
    public IReadOnlyList<Invoker> Invokers { get; init; } = [];
}

/// <summary>
/// "Can ResizeFunction s3:PutObject on arn:aws:s3:::bucket/key?" — the role's statements evaluated as IAM does
/// (the same evaluation as the intent check): allowed with the grants that allow it, or why not (no statement,
/// a Deny, a condition, a value known only at deploy, a misspelled action). Without a resource: on which
/// resources the action is allowed.
/// </summary>
public static class AccessQuery
{
    public static AccessAnswer Ask(PermissionMap map, Subject subject, string action, string? resource)
    {
        var values = map.Values ?? throw new ArgumentException("the map has no values", nameof(map));
        if (!Wildcard.HasWildcard(action) && UndeniableActions.Reason(action) is { } always)
        {
            return new AccessAnswer(AccessVerdict.Allowed, "allowed: " + always, []);
        }

        if (subject.Role.Kind is RoleKind.External or RoleKind.Unknown)
        {
            return new AccessAnswer(AccessVerdict.Unverifiable, $"the role is not in this template ({subject.Role.Display})", []);
        }

        // An action that takes no resource type is asked on "*" whatever resource was named (IAM User Guide, NotAction).
        if (PolicyEvaluator.RequestResource(action, resource ?? "*").Literal)
        {
            resource = "*";
        }

        var answer = resource is null ? Anywhere(subject, action, values) : On(map, subject, action, resource, values);
        answer = ResourcePolicyAnswer.Apply(map, subject, action, resource is null ? null : values.Canonical(resource), answer);
        answer = KeyPolicyGate.Apply(answer, action, resource is null ? null : values.Canonical(resource), values);
        return answer.Verdict == AccessVerdict.NotAllowed ? NeededBy(subject, action, answer) : answer;
    }

    /// <summary>
    /// "May s3.amazonaws.com invoke it (from this source)?" — the function's resource policy, the roles that may
    /// call it and its event source mappings, checked as the intent check does for a declared invoker.
    /// </summary>
    public static AccessAnswer AskInvoke(PermissionMap map, Subject subject, string principal, string? source)
    {
        var where = new IntentLocation("query", "query", SourceSpan.None);
        var intent = new IntentDocument([new SubjectIntent(subject.LogicalId, subject.Kind,
            [new InvokeIntent(principal, source is null ? null : new StringNode(source), null, null, where)], null, where)]);
        var finding = IntentDiff.Run(map, intent).Findings.FirstOrDefault(f => f.Side == FindingSide.Invoke && f.Kind != FindingKind.Excess && f.Intent is not null);
        var invokers = subject.InvokedBy.Where(i => i.Principal.Split(", ").Any(p => Wildcard.Matches(principal, p, ignoreCase: true))).ToList();
        return finding is null
            ? new AccessAnswer(AccessVerdict.Allowed, source is null ? "allowed" : $"allowed from {source}", []) { Invokers = invokers }
            : new AccessAnswer(finding.Kind == FindingKind.Missing ? AccessVerdict.NotAllowed : AccessVerdict.Unverifiable, finding.Reason, []) { Invokers = invokers };
    }

    /// <summary>A "no" names the places of the template that need the action (a workflow state, ...), when notes say so.</summary>
    private static AccessAnswer NeededBy(Subject subject, string action, AccessAnswer answer)
    {
        var needing = subject.Notes.Where(n => n.Kind == NoteKind.Needs && n.Actions.Any(a => string.Equals(a, action, StringComparison.OrdinalIgnoreCase)))
            .Select(n => n.Source.Description + (n.Source.Span.IsKnown ? $" (line {n.Source.Span.Line})" : "")).Distinct().ToList();
        return needing.Count == 0 ? answer : answer with { Reason = $"{answer.Reason}; needed by {string.Join(", ", needing)}" };
    }

    /// <summary>The grants whose actions name the action, whatever their resources.</summary>
    private static AccessAnswer Anywhere(Subject subject, string action, StaticValues values)
    {
        var allows = subject.MayDo.Where(g => g.IsAllow && Names(g, action)).ToList();
        var denies = subject.MayDo.Where(g => !g.IsAllow && Names(g, action)).ToList();
        if (allows.Count == 0)
        {
            var opaque = subject.MayDo.FirstOrDefault(g => g.Opaque);
            return opaque is not null
                ? new AccessAnswer(AccessVerdict.Unverifiable, $"no statement known here allows it; managed policy {opaque.PolicyName} may", [opaque])
                : new AccessAnswer(AccessVerdict.NotAllowed, "no statement of the role allows it on any resource", []);
        }

        var inBoundary = allows.Where(g => !g.NotAction && g.Resources.Count > 0 && !g.NotResource).SelectMany(g => g.Resources)
            .Select(r => BoundaryCheck.Allows(subject, action, values.Canonical(r.Text), values))
            .Concat(allows.Any(g => g.NotAction || g.NotResource || g.Resources.Count == 0) ? [BoundaryCheck.Allows(subject, action, "*", values)] : [])
            .Aggregate(Certainty.No, (a, b) => a.Or(b));
        if (BoundaryAnswer.Limit(subject, allows, inBoundary) is { } limited)
        {
            return limited;
        }

        var resources = string.Join(", ", allows.SelectMany(g => g.NotResource ? ["all resources except " + string.Join(", ", g.Resources.Select(r => r.Text))] : g.Resources.Select(r => r.Text)).Distinct());
        var reason = $"allowed on {resources}" + (denies.Count > 0 ? $"; denied by {denies.Count} statement(s) where they apply" : "");
        return new AccessAnswer(AccessVerdict.Allowed, reason, [.. allows, .. denies]);
    }

    private static AccessAnswer On(PermissionMap map, Subject subject, string action, string resource, StaticValues values)
    {
        var grants = GrantStatements.Of(subject.MayDo);
        var ev = PolicyEvaluator.Evaluate(grants, action, values.Canonical(resource));
        var note = ev.Note is null ? "" : "; " + ev.Note;
        if (ev.Decision == Decision.Allowed)
        {
            var allowing = ev.Allowing.Select(s => subject.MayDo[s.Id]).ToList();
            return BoundaryAnswer.Limit(subject, allowing, BoundaryCheck.Allows(subject, action, values.Canonical(resource), values))
                ?? new AccessAnswer(AccessVerdict.Allowed, note.Length == 0 ? "allowed" : "allowed" + note, allowing);
        }

        if (ev.Decision == Decision.Undecided && BoundaryCheck.Allows(subject, action, values.Canonical(resource), values) == Certainty.No)
        {
            // Whatever the role's policies turn out to allow, the boundary does not: no.
            return BoundaryAnswer.Limit(subject, [.. ev.Allowing.Select(s => subject.MayDo[s.Id])], Certainty.No)!;
        }

        // Why not: the intent check's own reasoning, for an intent that declares just this.
        var where = new IntentLocation("query", "query", SourceSpan.None);
        var intent = new IntentDocument([new SubjectIntent(subject.LogicalId, subject.Kind, null,
            [new AllowIntent([new StringNode(action)], [new StringNode(resource)], null, where)], where)]);
        var finding = IntentDiff.Run(map, intent).Findings.FirstOrDefault(f => f.Side == FindingSide.Allow && f.Kind != FindingKind.Excess);
        var because = finding?.Origin is { } origin ? subject.MayDo.Where(g => g.Source == origin).Take(1).ToList() : [];
        if (finding is null)
        {
            // The intent check takes a pattern as a ceiling (met when part of it is granted); a question asks for
            // all of it: allowed on part of what the pattern names is no yes.
            var some = PolicyEvaluator.EvaluateSome(grants, action, values.Canonical(resource));
            return new AccessAnswer(AccessVerdict.NotAllowed, "only partly: allowed on some of what the pattern names, not on all of it",
                [.. some.Allowing.Select(s => subject.MayDo[s.Id])]);
        }

        return new AccessAnswer(finding.Kind == FindingKind.Missing ? AccessVerdict.NotAllowed : AccessVerdict.Unverifiable, finding.Reason + note, because);
    }

    /// <summary>Does the grant's action list (or NotAction) take in the action?</summary>
    private static bool Names(Grant g, string action) =>
        !g.Opaque && g.Statement.Rejected is null && g.NotAction != g.Actions.Any(a => Wildcard.Matches(a, action, ignoreCase: true));
}
