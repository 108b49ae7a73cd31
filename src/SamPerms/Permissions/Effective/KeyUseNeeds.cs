using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// A function whose role reads or writes a resource of the template encrypted with a KMS key of the template (a
/// grant naming the resource, for an action of a <see cref="KeyUses"/> row) needs the row's KMS actions on the key,
/// from its IAM policies AND the key policy (naming the role, or the account-root statement). Reported at the grant
/// that makes the function a user of the resource; a poller's own need is <see cref="KeyNeeds"/>'.
/// </summary>
internal static class KeyUseNeeds
{
    public static IEnumerable<SubjectNote> For(AnalysisContext ctx, Subject subject)
    {
        if (subject.Kind != SubjectKind.Function || subject.Role.Kind is not (RoleKind.Generated or RoleKind.Template) || subject.Role.LogicalId is not { } roleId)
        {
            return [];
        }

        if (ctx.KeyedUses.Count == 0)
        {
            return [];
        }

        var notes = new List<SubjectNote>();
        var statements = GrantStatements.Of(subject.MayDo);
        var opaque = subject.MayDo.Any(g => g.Opaque);
        var caller = Caller.Role(roleId, ctx.Values);
        var polled = subject.Pollers.Select(p => ctx.ReferencedResource(ctx.Properties(p.MappingLogicalId)?.Get("EventSourceArn"))).ToHashSet();
        foreach (var (resourceId, use, keyId, keyNode) in ctx.KeyedUses)
        {
            if (polled.Contains(resourceId) && use.KeyActions.SequenceEqual(["kms:Decrypt"]) || User(ctx, subject, resourceId, use) is not { } grant)
            {
                continue;
            }

            var problems = use.KeyActions
                .Select(action => (Why: KeyUseProblem.Of(ctx, statements, opaque, caller, keyId, action), Action: action))
                .Where(p => p.Why is not null)
                .GroupBy(p => p.Why!.Value)
                .Select(g => KeyUseProblem.Describe(g.Key, string.Join(" and ", g.Select(p => p.Action)), keyId))
                .ToList();

            if (problems.Count > 0)
            {
                var line = keyNode.Span.IsKnown ? $" (line {keyNode.Span.Line})" : "";
                notes.Add(new SubjectNote(NoteKind.Needs, Diagnostics.DiagnosticCatalog.KeyUseNotGranted,
                    $"{subject.SamLogicalId} {use.Operation} {resourceId}, which is encrypted with the key {keyId}{line}, and needs {string.Join(" and ", use.KeyActions)} on it: {string.Join("; ", problems)}",
                    grant.Source));
            }
        }

        return notes;
    }

    /// <summary>The first Allow grant of the role that names the resource for one of the use's actions.</summary>
    private static Grant? User(AnalysisContext ctx, Subject subject, string resourceId, KeyUse use)
    {
        var arn = ctx.Values.CanonicalArn(resourceId);
        foreach (var g in subject.MayDo)
        {
            if (!g.IsAllow || g.Opaque || g.NotAction || g.NotResource || g.Statement.Rejected is not null
                || !use.Actions.Any(a => g.Statement.CoversAction(a) == Certainty.Yes))
            {
                continue;
            }

            foreach (var r in g.Resources)
            {
                var canonical = ctx.Values.Canonical(r.Text);
                if (arn is not null && (canonical == arn || canonical.StartsWith(arn + "/", StringComparison.Ordinal))
                    || SymbolicPattern.Symbols(canonical).Any(s => s == resourceId || s.StartsWith(resourceId + ".", StringComparison.Ordinal)))
                {
                    return g;
                }
            }
        }

        return null;
    }
}
