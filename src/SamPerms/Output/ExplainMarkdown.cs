using System.Text;
using SamPerms.Permissions;
using SamPerms.Permissions.Explain;
using static SamPerms.Output.MarkdownText;

namespace SamPerms.Output;

/// <summary><c>samperms explain</c> as Markdown: a section per SAM resource, a table and sentences per cause.</summary>
public static class ExplainMarkdown
{
    public static string Write(ExplainReport report, string file)
    {
        var sb = new StringBuilder();
        sb.Append("## How SAM expands ").Append(Code(file)).Append('\n');
        foreach (var r in report.Resources)
        {
            sb.Append("\n### ").Append(Code(r.LogicalId)).Append(" (").Append(Cell(r.Type)).Append(", ")
                .Append(r.Implicit ? "not in the template: SAM creates it for the events that name no API" : r.Span.IsKnown ? $"line {r.Span.Line}" : "line ?").Append(")\n\n");
            if (r.TemplateCondition is { } condition)
            {
                sb.Append(Cell(TemplateConditionText.Of(condition, r.ConditionValue))).Append("\n\n");
            }

            if (r.Groups.Count == 0)
            {
                sb.Append("SAM generates nothing for it here.\n");
                continue;
            }

            sb.Append(Header("Cause", "Generated resource", "Type"));
            foreach (var g in r.Groups)
            {
                var cause = (g.PropertyPath.Length == 0 ? "the resource itself" : Code(g.PropertyPath))
                    + (g.FromGlobals ? " from Globals" : "") + (g.Span.IsKnown && !(r.Implicit && g.PropertyPath.Length == 0) ? $" line {g.Span.Line}" : "");
                foreach (var x in g.Resources)
                {
                    sb.Append(Row(cause, Code(x.LogicalId), Cell(x.Type) + (x.Modified ? " (yours, changed: " + Cell(string.Join(", ", x.ChangedProperties ?? [])) + ")" : "")));
                }
            }

            sb.Append('\n');
            foreach (var g in r.Groups)
            {
                foreach (var s in g.Sentences)
                {
                    sb.Append("- **").Append(Cell(ExplainText.GroupTitle(g))).Append("**: ").Append(Escape(s)).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>A sentence in Markdown: its ids (between the catalog's id markers) as code spans, the rest as escaped prose.</summary>
    private static string Escape(string sentence)
    {
        var sb = new StringBuilder(sentence.Length + 16);
        var parts = sentence.Split(ExplainContext.IdStart);
        sb.Append(Escaping.MarkdownEscape.Text(parts[0]));
        foreach (var part in parts.Skip(1))
        {
            var end = part.IndexOf(ExplainContext.IdEnd, StringComparison.Ordinal);
            var id = end < 0 ? part : part[..end];
            sb.Append(Escaping.MarkdownEscape.Code(id, inTable: false)).Append(end < 0 ? "" : Escaping.MarkdownEscape.Text(part[(end + 1)..]));
        }

        return sb.ToString();
    }
}
