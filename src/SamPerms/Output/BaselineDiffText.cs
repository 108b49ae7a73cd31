using System.Text;
using SamPerms.Permissions.Baseline;

using static SamPerms.Output.Escaping.TextEscape;

namespace SamPerms.Output;

/// <summary>
/// The permission change between two versions as tables like <c>cdk diff</c>'s IAM section. A changed statement
/// is one row ("~"), each of its actions, resources and condition lines marked "+" (added) or "-" (removed).
/// On a terminal the tables fit its width and broadening rows are red.
/// </summary>
public static class BaselineDiffText
{
    public static string Write(BaselineReport report, string oldFile, string newFile) => Write(report, oldFile, newFile, TextOptions.Plain);

    public static string Write(BaselineReport report, string oldFile, string newFile, TextOptions options)
    {
        var style = options.Style;
        var sb = new StringBuilder();
        if (report.Changes.Count == 0)
        {
            sb.Append("No permission changes between ").Append(Value(oldFile)).Append(" and ").Append(Value(newFile)).Append(".\n");
            return style.Document(sb.ToString());
        }

        if (report.Broadening > 0)
        {
            sb.Append(style.Paint(Tone.Bad, $"This change widens permissions (rows marked !).")).Append("\n\n");
        }

        var why = new HashSet<string> { "Why" };
        var statements = new TextTable("", "Function", "Resource", "Effect", "Action", "Principal", "Condition", "Why", "Where") { Wrapped = why };
        var managed = new TextTable("", "Function", "Role", "Managed Policy ARN", "Why", "Where") { Wrapped = why };
        var roles = new TextTable("", "Function", "Execution Role", "Why", "Where") { Wrapped = why };
        var trust = new TextTable("", "Role", "Principal", "Effect", "Action", "Condition", "Why", "Where") { Wrapped = why };
        foreach (var c in report.Changes)
        {
            var r = c.Row;
            var where = Where(c, oldFile, newFile);
            Tone? tone = c.Broadening ? Tone.Bad : null;
            switch (r.Category)
            {
                case RowCategory.Role:
                    roles.Add(tone, Mark(c), Value(r.Subject), Value(r.Principal), Value(c.Reason), Value(where));
                    break;
                case RowCategory.Trust:
                    trust.Add(tone, Mark(c), Value(r.Resources[0] == r.Subject ? r.Subject : $"{r.Resources[0]} ({r.Subject})"), Value(r.Principal), Value(r.Effect),
                        Lines(c.Actions), Lines(c.Conditions), Value(c.Reason), Value(where));
                    break;
                case RowCategory.ManagedPolicy:
                    managed.Add(tone, Mark(c), Value(r.Subject), Value(r.Principal), Value(r.Resources[0]), Value(c.Reason), Value(where));
                    break;
                default:
                    statements.Add(tone, Mark(c), Value(r.Subject), Lines(c.Resources), Value(r.Effect), Lines(c.Actions),
                        Value(r.Principal), Lines(c.Conditions), Value(c.Reason), Value(where));
                    break;
            }
        }

        Section(sb, "IAM Statement Changes", statements, options);
        Section(sb, "IAM Policy Changes", managed, options);
        Section(sb, "Execution Role Changes", roles, options);
        Section(sb, "Trust Policy Changes", trust, options);
        sb.Append($"summary: {report.Added} added, {report.Removed} removed, ");
        if (report.ChangedRows > 0)
        {
            sb.Append($"{report.ChangedRows} changed, ");
        }

        var broadening = $"{report.Broadening} broadening";
        sb.Append(report.Broadening > 0 ? style.Paint(Tone.Bad, broadening) : broadening).Append('\n');
        return style.Document(sb.ToString());
    }

    /// <summary>Values one per line of a cell, each escaped; marked "+" and "-" when the row changed them.</summary>
    private static string Lines(IReadOnlyList<CellLine> lines) =>
        string.Join("\n", lines.Select(l => CellDiff.Differs(lines) ? l.Change switch
        {
            LineChange.Added => "+ ",
            LineChange.Removed => "- ",
            _ => "  ",
        } + Value(l.Value) : Value(l.Value)));

    /// <summary>"+" added, "-" removed, "~" changed; "+!" (or "-!", "~!") when it widens what is allowed.</summary>
    public static string Mark(bool added, bool broadening) => (added ? "+" : "-") + (broadening ? "!" : "");

    public static string Mark(PermissionChange c) => (c.Changed ? "~" : c.Added ? "+" : "-") + (c.Broadening ? "!" : "");

    public static string Where(PermissionChange c, string oldFile, string newFile)
    {
        var o = c.Row.Origin;
        var file = c.Added ? newFile : oldFile;
        return o.Span.IsKnown ? $"{file}:{o.Span.Line} ({o})" : $"{file} ({o})";
    }

    private static void Section(StringBuilder sb, string title, TextTable table, TextOptions options)
    {
        if (table.Count == 0)
        {
            return;
        }

        sb.Append(title).Append('\n').Append(table.Write(options)).Append('\n');
    }
}
