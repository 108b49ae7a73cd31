using System.Text;
using SamPerms.Model;
using SamPerms.Permissions;

using static SamPerms.Output.Escaping.TextEscape;

namespace SamPerms.Output;

/// <summary><c>samperms can</c>'s answer: yes, no or cannot tell, why, and the template lines that decide it.</summary>
public static class AccessAnswerText
{
    public static string Write(AccessAnswer answer, Subject subject, string action, string? resource, string file)
    {
        var on = resource is null ? "" : $" on {Value(resource)}";
        var id = Value(subject.SamLogicalId);
        action = Value(action);
        var sb = new StringBuilder();
        sb.Append(answer.Verdict switch
        {
            AccessVerdict.Allowed => $"yes: {id} may {action}{on}",
            AccessVerdict.NotAllowed => $"no: {id} may not {action}{on}",
            _ => $"cannot tell before deploy whether {id} may {action}{on}",
        }).Append('\n');
        if (answer.Reason != "allowed")
        {
            sb.Append("  ").Append(Value(answer.Reason)).Append('\n');
        }

        foreach (var g in answer.Because)
        {
            var label = !g.IsAllow ? "denied by " : answer.Verdict switch
            {
                AccessVerdict.Allowed => "allowed by ",
                AccessVerdict.Unverifiable => "granted, perhaps, by ",
                _ => "see ",
            };
            sb.Append("  ").Append(label).Append(Value(PermissionsMarkdown.Policy(g)))
                .Append(" (").Append(Value(g.Source.ToString())).Append(')');
            if (g.Source.Span.IsKnown)
            {
                sb.Append(" at ").Append(Value(file)).Append(':').Append(g.Source.Span.Line).Append(':').Append(g.Source.Span.Column);
            }

            sb.Append('\n');
        }

        foreach (var i in answer.Invokers)
        {
            sb.Append("  ").Append(i.Kind == InvokerKind.Role ? $"via role {Value(i.ResourceId)}" : $"permission {Value(i.ResourceId)}")
                .Append(i.SourceArn is { } arn && i.Kind != InvokerKind.Role ? $" SourceArn={Value(arn.Text)}" : "")
                .Append(" (").Append(Value(i.Source.ToString())).Append(')');
            if (i.Source.Span.IsKnown)
            {
                sb.Append(" at ").Append(Value(file)).Append(':').Append(i.Source.Span.Line).Append(':').Append(i.Source.Span.Column);
            }

            sb.Append('\n');
            foreach (var route in i.ApiRoutes ?? [])
            {
                sb.Append("    callers: ").Append(Value(route.Describe())).Append('\n');
            }
        }

        return Document(sb.ToString());
    }

    /// <summary>The answer to an invoke question: may the principal invoke the function (from the source)?</summary>
    public static string WriteInvoke(AccessAnswer answer, Subject subject, string principal, string? source, string file)
    {
        var from = source is null ? "" : $" from {Value(source)}";
        var (who, id) = (Value(principal), Value(subject.SamLogicalId));
        var head = answer.Verdict switch
        {
            AccessVerdict.Allowed => $"yes: {who} may invoke {id}{from}",
            AccessVerdict.NotAllowed => $"no: {who} may not invoke {id}{from}",
            _ => $"cannot tell before deploy whether {who} may invoke {id}{from}",
        };
        var body = Write(answer with { Reason = answer.Verdict == AccessVerdict.Allowed ? "allowed" : answer.Reason }, subject, "", null, file);
        return head + "\n" + body[(body.IndexOf('\n') + 1)..];
    }

    /// <summary>The answer as JSON: an action question has action and resource, an invoke question principal and source.</summary>
    private static Node Nullable(string? text) => text is null ? NullNode.Instance : new StringNode(text);

    public static string Json(AccessAnswer answer, Subject subject, string? action, string? resource, string? principal = null, string? source = null) =>
        JsonText.Pretty(Build(answer, subject, action, resource, principal, source));

    public static MapNode Build(AccessAnswer answer, Subject subject, string? action, string? resource, string? principal = null, string? source = null) =>
        N.Map(
            ("function", subject.SamLogicalId),
            ("action", Nullable(action)),
            ("resource", Nullable(resource)),
            ("principal", Nullable(principal)),
            ("source", Nullable(source)),
            ("verdict", answer.Verdict switch { AccessVerdict.Allowed => "allowed", AccessVerdict.NotAllowed => "not-allowed", _ => "unverifiable" }),
            ("reason", answer.Reason),
            ("because", N.Seq(answer.Because.Select(PermissionsJson.Grant))),
            ("invokers", N.Seq(answer.Invokers.Select(PermissionsJson.Invoker))));
}
