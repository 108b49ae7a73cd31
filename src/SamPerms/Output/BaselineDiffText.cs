using System.Text;
using SamPerms.Permissions.Baseline;

using static SamPerms.Output.Escaping.TextEscape;

namespace SamPerms.Output;

/// <summary>The permission change between two versions as tables like <c>cdk diff</c>'s IAM section.</summary>
public static class BaselineDiffText
{
    public static string Write(BaselineReport report, string oldFile, string newFile)
    {
        var sb = new StringBuilder();
        if (report.Changes.Count == 0)
        {
            sb.Append("No permission changes between ").Append(Value(oldFile)).Append(" and ").Append(Value(newFile)).Append(".\n");
            return Document(sb.ToString());
        }

        if (report.Broadening > 0)
        {
            sb.Append("This change widens permissions (rows marked ").Append(Mark(true, true)).Append(").\n\n");
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
            switch (r.Category)
            {
                case RowCategory.Role:
                    roles.Add(Mark(c.Added, c.Broadening), Value(r.Subject), Value(r.Principal), Value(c.Reason), Value(where));
                    break;
                case RowCategory.Trust:
                    trust.Add(Mark(c.Added, c.Broadening), Value(r.Resources[0] == r.Subject ? r.Subject : $"{r.Resources[0]} ({r.Subject})"), Value(r.Principal), Value(r.Effect),
                        Lines(r.Actions), Lines(r.Condition.Split('\n')), Value(c.Reason), Value(where));
                    break;
                case RowCategory.ManagedPolicy:
                    managed.Add(Mark(c.Added, c.Broadening), Value(r.Subject), Value(r.Principal), Value(r.Resources[0]), Value(c.Reason), Value(where));
                    break;
                default:
                    statements.Add(Mark(c.Added, c.Broadening), Value(r.Subject), Lines(r.Resources), Value(r.Effect), Lines(r.Actions),
                        Value(r.Principal), Lines(r.Condition.Split('\n')), Value(c.Reason), Value(where));
                    break;
            }
        }

        Section(sb, "IAM Statement Changes", statements);
        Section(sb, "IAM Policy Changes", managed);
        Section(sb, "Execution Role Changes", roles);
        Section(sb, "Trust Policy Changes", trust);
        sb.Append($"summary: {report.Changes.Count(c => c.Added)} added, {report.Changes.Count(c => !c.Added)} removed, {report.Broadening} broadening\n");
        return Document(sb.ToString());
    }

    /// <summary>Values one per line of a cell, each escaped.</summary>
    private static string Lines(IEnumerable<string> values) => string.Join("\n", values.Select(Value));

    /// <summary>"+" added, "-" removed; "+!" (or "-!") when it widens what is allowed.</summary>
    public static string Mark(bool added, bool broadening) => (added ? "+" : "-") + (broadening ? "!" : "");

    public static string Where(PermissionChange c, string oldFile, string newFile)
    {
        var o = c.Row.Origin;
        var file = c.Added ? newFile : oldFile;
        return o.Span.IsKnown ? $"{file}:{o.Span.Line} ({o})" : $"{file} ({o})";
    }

    private static void Section(StringBuilder sb, string title, TextTable table)
    {
        if (table.Count == 0)
        {
            return;
        }

        sb.Append(title).Append('\n').Append(table.Write()).Append('\n');
    }
}
