using System.Globalization;
using System.Text;
using SamPerms.Output.Escaping;
using SamPerms.Permissions;
using SamPerms.Permissions.Effective;
using static SamPerms.Output.MarkdownText;

namespace SamPerms.Output;

/// <summary>The permission map as Markdown, for a pull-request comment: per subject, two tables.</summary>
public static class PermissionsMarkdown
{
    public static string Write(PermissionMap map, string file) => Build(map, file).ToString();

    /// <summary>The report as a builder (escaped as a document): a big one is written out chunk by chunk, never one string.</summary>
    public static StringBuilder Build(PermissionMap map, string file)
    {
        var sb = new StringBuilder();
        sb.Append("## Permissions of ").Append(MarkdownEscape.Code(file, inTable: false)).Append("\n\n");
        if (map.Subjects.Count > 0)
        {
            // One short table first (a pull-request comment stays readable), then the detail of each subject, folded.
            sb.Append(Header("Function", "Kind", "Role", "Invoked by", "May do", "Line"));
            foreach (var s in map.Subjects)
            {
                sb.Append(Row(Code(s.SamLogicalId), KindName(s), Role(s.Role), Count(s.InvokedBy.Count + s.Pollers.Count, "invoker"),
                    MayDoSummary(s), s.Source.Span.IsKnown ? s.Source.Span.Line.ToString(CultureInfo.InvariantCulture) : ""));
            }

            sb.Append('\n');
        }

        foreach (var s in map.Subjects)
        {
            var title = s.SamLogicalId == s.LogicalId ? Html(s.LogicalId) : $"{Html(s.SamLogicalId)}</code> → <code>{Html(s.LogicalId)}";
            sb.Append("<details>\n<summary><code>").Append(title).Append("</code> (").Append(KindName(s))
                .Append(s.Source.Span.IsKnown ? ", line " + s.Source.Span.Line.ToString(CultureInfo.InvariantCulture) : "").Append(")</summary>\n\n");
            if (TemplateConditionText.Of(s) is { } onlyIf)
            {
                sb.Append(MarkdownEscape.Text(onlyIf)).Append("\n\n");
            }

            sb.Append("Role: ").Append(Role(s.Role)).Append("\n\n");
            if (s.Boundary is { } boundary)
            {
                sb.Append("Permission boundary: ").Append(Code(boundary.Name)).Append(boundary.Known ? "" : " (not known here: what it leaves is known only at deploy)")
                    .Append(", ").Append(Code(boundary.Source.ToString())).Append(boundary.Source.Span.IsKnown ? $" line {boundary.Source.Span.Line}" : "").Append("\n\n");
            }

            if (map.TrustOf(s) is { } trust)
            {
                TrustMarkdown.Append(sb, trust, map.Values);
            }

            sb.Append("**Invoked by**\n\n");
            if (s.InvokedBy.Count == 0 && s.Pollers.Count == 0)
            {
                sb.Append("Nothing in this template.\n\n");
            }
            else
            {
                sb.Append(Header("Principal", "Action", "Source", "Origin"));
                foreach (var i in s.InvokedBy)
                {
                    sb.Append(Row(Code(i.Principal), Code(i.Action) + Via(i), InvokerSources(i), Origin(i.Source)));
                }

                foreach (var p in s.Pollers)
                {
                    sb.Append(Row("event source mapping", "poller (uses the function's role)", Code(p.EventSourceArn.Text), Origin(p.Source)));
                }

                sb.Append('\n');
            }

            foreach (var note in s.Notes)
            {
                sb.Append(note.Kind == NoteKind.Needs ? "**Needs:** " : "**Ignored:** ").Append(Cell(note.Message))
                    .Append(" (").Append(Code(note.Source.ToString())).Append(note.Source.Span.IsKnown ? $" line {note.Source.Span.Line}" : "").Append(")\n\n");
            }

            sb.Append("**May do**\n\n");
            if (s.MayDo.Count == 0)
            {
                sb.Append(s.Role.Kind is RoleKind.External or RoleKind.Unknown ? "Unknown: the role is not in this template.\n" : "Nothing.\n");
            }
            else
            {
                sb.Append(Header("Effect", "Actions", "Resources", "Condition", "Policy", "Origin"));
                foreach (var g in s.MayDo)
                {
                    if (g.Opaque)
                    {
                        sb.Append(Row("?", "*(not known here)*", "", "", "managed policy " + Code(g.PolicyName), Origin(g.Source)));
                        continue;
                    }

                    var actions = (g.NotAction ? "all except " : "") + Codes(g.Actions);
                    var resources = (g.NotResource ? "all except " : "") + Codes(g.Resources.Select(r => r.Text));
                    var condition = g.Condition is null ? "" : Code(IamConditionText.Render(g.Condition, map.Values));
                    if (g.Conditional is not null)
                    {
                        condition += (condition.Length > 0 ? "<br>" : "") + "if " + Code(g.Conditional);
                    }

                    var effect = MarkdownEscape.Text(g.Effect);
                    if (s.Boundary is { } b && map.Values is { } values && BoundaryCheck.Of(s, g, values) is { Standing: not GrantStanding.Effective } verdict)
                    {
                        effect += "<br>" + MarkdownEscape.Text(BoundaryText.Describe(verdict, b));
                    }

                    if (ResourcePolicyCheck.Of(map, s, g) is { Standing: not GrantStanding.Effective } blocked)
                    {
                        effect += "<br>" + MarkdownEscape.Text(ResourcePolicyText.Describe(blocked));
                    }

                    sb.Append(Row(effect, actions, resources, condition, PolicyCell(g), Origin(g.Source)));
                }
            }

            sb.Append("\n</details>\n\n");
        }

        TrustMarkdown.AppendOthers(sb, map);
        if (map.UnattachedInvokers.Count > 0)
        {
            sb.Append("### Permissions for functions not in this template\n\n");
            sb.Append(Header("Principal", "Action", "Function", "Source", "Origin"));
            foreach (var i in map.UnattachedInvokers)
            {
                sb.Append(Row(Code(i.Principal), Code(i.Action), Code(i.Qualifier), InvokerSources(i with { Qualifier = "function" }), Origin(i.Source)));
            }
        }

        return TextEscape.Document(sb);
    }

    private static string KindName(Subject s) => s.Kind == SubjectKind.Function ? "function" : "state machine";

    private static string Count(int n, string what) => n == 0 ? "none" : n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static string MayDoSummary(Subject s)
    {
        if (s.MayDo.Count == 0)
        {
            return s.Role.Kind is RoleKind.External or RoleKind.Unknown ? "unknown" : "nothing";
        }

        var wide = s.MayDo.Count(g => g.Effect == "Allow" && !g.Opaque && (g.Actions.Any(a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal)) || g.Resources.Any(r => r.Text == "*")));
        return Count(s.MayDo.Count, "statement") + (wide > 0 ? $", {wide} with `*`" : "");
    }

    /// <summary>A value for HTML (a &lt;summary&gt; line): entities for &amp;, &lt;, &gt; and quotes, controls escaped.</summary>
    private static string Html(string text) => MarkdownEscape.Html(text);

    private static string PolicyCell(Grant g) => g.Template is { } t ? "policy template " + Code(t.ToString()) : g.Kind switch
    {
        GrantKind.AwsManagedPolicy => "AWS managed " + Code(g.PolicyName),
        GrantKind.CustomerManagedPolicy => "managed policy " + Code(g.PolicyName),
        GrantKind.Connector => "connector",
        GrantKind.SamGenerated when g.ManagedPolicyArn is not null => "AWS managed " + Code(g.PolicyName),
        GrantKind.SamGenerated => "added by SAM",
        _ => "inline " + Code(g.PolicyName),
    };

    private static string Role(RoleInfo role) => role.Kind switch
    {
        RoleKind.Generated => Code(role.Display) + " (generated by SAM)",
        RoleKind.Template => Code(role.Display) + " (in the template)",
        _ => MarkdownEscape.Text(role.Display),
    };

    private static string Via(Invoker i) => i.Kind == InvokerKind.Role ? " via role " + Code(i.ResourceId) : "";

    /// <summary>
    /// Where an invoker's calls come from, one Markdown phrase per line ("any" when nothing narrows it): values (ARNs,
    /// accounts, qualifiers) in code spans, the words around them escaped.
    /// </summary>
    private static string InvokerSources(Invoker i)
    {
        var parts = new List<string>();
        if (i.Kind == InvokerKind.Role)
        {
            if (i.UsedBy is { Count: > 0 } users)
            {
                parts.Add("used by " + string.Join(", ", users.Select(Code)));
            }

            parts.Add("on " + Code(i.Qualifier));
        }
        else
        {
            if (i.SourceArn is { } arn)
            {
                parts.Add(Code(arn.Text));
            }

            if (i.SourceAccount is { } account)
            {
                parts.Add("account " + Code(account.Text));
            }

            if (i.FunctionUrlAuthType is { } auth)
            {
                parts.Add("function URL, auth " + Code(auth));
            }

            if (i.InvokedViaFunctionUrl)
            {
                parts.Add("only through the function URL");
            }

            if (i.Qualifier != "function")
            {
                parts.Add(Code(i.Qualifier));
            }
        }

        foreach (var route in i.ApiRoutes ?? [])
        {
            parts.Add("callers: " + MarkdownEscape.Text(route.Describe()));
        }

        return parts.Count == 0 ? "any" : string.Join("<br>", parts);
    }

    internal static string Policy(Grant g) => g.Template is { } t ? "policy template " + t : g.Kind switch
    {
        GrantKind.AwsManagedPolicy => "AWS managed " + g.PolicyName,
        GrantKind.CustomerManagedPolicy => "managed policy " + g.PolicyName,
        GrantKind.Connector => "connector",
        GrantKind.SamGenerated when g.ManagedPolicyArn is not null => "AWS managed " + g.PolicyName,
        GrantKind.SamGenerated => "added by SAM",
        _ => "inline " + g.PolicyName,
    };

    internal static string Origin(Source s) =>
        Code(s.ToString()) + (s.FromGlobals ? " from Globals" : "") + (s.Span.IsKnown ? $" line {s.Span.Line}" : "") + "<br>" + MarkdownEscape.Text(s.Description);
}
