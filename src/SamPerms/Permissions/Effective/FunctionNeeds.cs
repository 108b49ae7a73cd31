using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// What a function evidently needs: a resource of the template named in its Environment (its code will call it)
/// to which its role grants nothing at all — nearly always a forgotten policy — and the dead-letter queue or
/// destination Lambda sends to with the function's role (sqs:SendMessage, sns:Publish, lambda:InvokeFunction,
/// events:PutEvents). Only for roles whose statements are all known here.
/// </summary>
internal static class FunctionNeeds
{
    public static IEnumerable<SubjectNote> For(AnalysisContext ctx, Subject subject)
    {
        if (subject.Kind != SubjectKind.Function || subject.Role.Kind is not (RoleKind.Generated or RoleKind.Template)
            || subject.MayDo.Any(g => g.Opaque) || ctx.Properties(subject.LogicalId) is not { } props)
        {
            return [];
        }

        var statements = GrantStatements.Of(subject.MayDo).Where(s => s.IsAllow).ToList();
        var notes = new List<SubjectNote>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if ((props.Get("Environment") as MapNode)?.Get("Variables") is MapNode variables)
        {
            foreach (var v in variables.Entries)
            {
                foreach (var (id, attribute) in NamedResources.In(v.Value))
                {
                    if (ResourceKind.Of(ctx.TypeOf(id)) is { } kind && (attribute is null || kind.Attributes.Contains(attribute))
                        && seen.Add(id) && Touches(ctx, statements, id, kind) == Certainty.No)
                    {
                        var source = ctx.Locate(subject.SamLogicalId, v.Value, "environment variable " + v.Key);
                        notes.Add(new SubjectNote(NoteKind.Needs, Diagnostics.DiagnosticCatalog.NamedResourceNotGranted,
                            $"{subject.SamLogicalId} names {id} in its environment ({v.Key}) but its role may do nothing on it ({kind.Service}): a forgotten policy? (e.g. {kind.Suggestion})", source));
                    }
                }
            }
        }

        return notes;
    }

    /// <summary>Does some Allow of the role grant an action of the service on the resource (or on something in it)?</summary>
    private static Certainty Touches(AnalysisContext ctx, List<Statement> statements, string id, ResourceKind kind)
    {
        var arn = ctx.Values.CanonicalArn(id);
        var best = Certainty.No;
        foreach (var st in statements)
        {
            if (st.TouchesAction(kind.Service + ":*") == Certainty.No)
            {
                continue;
            }

            var mentions = st.Resources.Any(r => r.Text.Contains("${" + id + "}", StringComparison.Ordinal) || r.Text.Contains("${" + id + ".", StringComparison.Ordinal));
            var c = st.NotResource || mentions ? Certainty.Yes
                : arn is null ? (st.Resources.Any(r => r.Text.Contains('*', StringComparison.Ordinal) || r.Text.Contains("${", StringComparison.Ordinal)) ? Certainty.Maybe : Certainty.No)
                : st.TouchesResource(arn).Or(st.TouchesResource(arn + "/*")).Or(st.TouchesResource(arn + ":*"));
            best = best.Or(c);
        }

        return best;
    }
}
