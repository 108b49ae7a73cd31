using System.Text;
using SamPerms.Permissions;
using SamPerms.Permissions.Explain;

namespace SamPerms.Output;

/// <summary><c>samperms explain</c> as a terminal report: per SAM resource, what each property becomes and why.</summary>
public static class ExplainText
{
    public static string Write(ExplainReport report, string file)
    {
        var sb = new StringBuilder();
        foreach (var r in report.Resources)
        {
            sb.Append(V(r.LogicalId)).Append("  (").Append(V(r.Type)).Append(", ")
                .Append(r.Implicit ? "not in the template: SAM creates it for the events that name no API" : Where(file, r.Span)).Append(")\n");
            if (r.TemplateCondition is { } condition)
            {
                sb.Append("  ").Append(V(TemplateConditionText.Of(condition, r.ConditionValue))).Append('\n');
            }

            if (r.Groups.Count == 0)
            {
                sb.Append("  SAM generates nothing for it here\n");
            }

            foreach (var g in r.Groups)
            {
                sb.Append("  ").Append(V(GroupTitle(g))).Append(" (").Append(g.FromGlobals ? "from Globals, " : "")
                    .Append(g.PropertyPath.Length == 0 && r.Implicit ? "generated" : Where(file, g.Span)).Append(")\n");
                int width = g.Resources.Count == 0 ? 0 : g.Resources.Max(x => x.LogicalId.Length);
                foreach (var x in g.Resources)
                {
                    sb.Append("    ").Append(V(x.LogicalId).PadRight(width)).Append("  ").Append(V(x.Type));
                    if (x.Modified)
                    {
                        sb.Append("  (yours, changed: ").Append(V(string.Join(", ", x.ChangedProperties ?? []))).Append(')');
                    }

                    sb.Append('\n');
                }

                foreach (var s in g.Sentences)
                {
                    sb.Append("    ").Append(V(ExplainCatalog.Plain(s))).Append('\n');
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>"the resource itself", or the property path that caused the group.</summary>
    public static string GroupTitle(ExplainGroup g) => g.PropertyPath.Length == 0 ? "the resource itself" : g.PropertyPath;

    private static string Where(string file, Text.SourceSpan span) => span.IsKnown ? $"{file}:{span.Line}" : file;

    /// <summary>A value from the template, escaped for text (control characters shown, never obeyed).</summary>
    private static string V(string? text) => Escaping.TextEscape.Value(text);
}
