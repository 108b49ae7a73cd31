using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// A SAM function with both Role and Policies: SAM uses the Role as it is and drops Policies without a word (it
/// makes no role, so there is nothing to attach them to). For a state machine SAM rejects the pair itself.
/// </summary>
internal static class IgnoredPolicies
{
    public static IEnumerable<SubjectNote> For(AnalysisContext ctx, Subject subject)
    {
        if (subject.Kind != SubjectKind.Function || ctx.InputResources.Get(subject.SamLogicalId) is not MapNode input || input.Get("Type")?.Str != "AWS::Serverless::Function"
            || input.Get("Properties") is not MapNode props || props.Get("Role") is not { } role || Intrinsics.IsNoValue(role)
            || props.Get("Policies") is not { } policies || policies is SeqNode { Count: 0 } || policies is NullNode)
        {
            yield break;
        }

        var source = new Source(subject.SamLogicalId, "Policies", props.KeySpanOf("Policies") is { IsKnown: true } k ? k : policies.Span, "Policies");
        yield return new SubjectNote(NoteKind.Ignored, Diagnostics.DiagnosticCatalog.PoliciesIgnored,
            $"Policies of {subject.SamLogicalId} are ignored: with Role set ({ctx.Values.Render(role).Text}), SAM creates no role and attaches none of them; that role must grant what they would", source);
    }
}
