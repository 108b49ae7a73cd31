using System.Text;
using SamPerms.Model;
using SamPerms.Permissions;

namespace SamPerms.Output;

/// <summary><c>samperms can</c>'s answer: yes, no or cannot tell, why, and the template lines that decide it.</summary>
public static class AccessAnswerText
{
    public static string Write(AccessAnswer answer, Subject subject, string action, string? resource, string file)
    {
        var on = resource is null ? "" : $" on {resource}";
        var sb = new StringBuilder();
        sb.Append(answer.Verdict switch
        {
            AccessVerdict.Allowed => $"yes: {subject.SamLogicalId} may {action}{on}",
            AccessVerdict.NotAllowed => $"no: {subject.SamLogicalId} may not {action}{on}",
            _ => $"cannot tell before deploy whether {subject.SamLogicalId} may {action}{on}",
        }).Append('\n');
        if (answer.Reason != "allowed")
        {
            sb.Append("  ").Append(answer.Reason).Append('\n');
        }

        foreach (var g in answer.Because)
        {
            var label = !g.IsAllow ? "denied by " : answer.Verdict switch
            {
                AccessVerdict.Allowed => "allowed by ",
                AccessVerdict.Unverifiable => "granted, perhaps, by ",
                _ => "see ",
            };
            sb.Append("  ").Append(label).Append(PermissionsMarkdown.Policy(g))
                .Append(" (").Append(g.Source).Append(')');
            if (g.Source.Span.IsKnown)
            {
                sb.Append(" at ").Append(file).Append(':').Append(g.Source.Span.Line).Append(':').Append(g.Source.Span.Column);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static string Json(AccessAnswer answer, Subject subject, string action, string? resource) =>
        JsonText.Pretty(N.Map(
            ("function", subject.SamLogicalId),
            ("action", action),
            ("resource", resource is null ? NullNode.Instance : new StringNode(resource)),
            ("verdict", answer.Verdict switch { AccessVerdict.Allowed => "allowed", AccessVerdict.NotAllowed => "not-allowed", _ => "unverifiable" }),
            ("reason", answer.Reason),
            ("because", N.Seq(answer.Because.Select(PermissionsJson.Grant)))));
}
