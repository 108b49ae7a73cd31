using System.Text;
using SamPerms.Output.Escaping;
using SamPerms.Permissions.Baseline;
using static SamPerms.Output.MarkdownText;

namespace SamPerms.Output;

/// <summary>The permission change between two versions as Markdown, for a pull-request comment.</summary>
public static class BaselineDiffMarkdown
{
    public static string Write(BaselineReport report, string oldFile, string newFile)
    {
        var sb = new StringBuilder();
        sb.Append("## Permission changes: ").Append(MarkdownEscape.Code(oldFile, inTable: false)).Append(" → ").Append(MarkdownEscape.Code(newFile, inTable: false)).Append("\n\n");
        sb.Append($"{report.Added} added, {report.Removed} removed, ").Append(report.ChangedRows > 0 ? $"{report.ChangedRows} changed, " : "")
            .Append($"**{report.Broadening} broadening**\n\n");
        if (report.Changes.Count == 0)
        {
            return TextEscape.Document(sb.ToString());
        }

        sb.Append(Header("", "Function", "Kind", "Resource", "Effect", "Action", "Principal", "Condition", "Why", "Where"));
        foreach (var c in report.Changes)
        {
            var r = c.Row;
            var mark = c.Kind + (c.Broadening ? " ⚠️ **broadening**" : "");
            sb.Append(Row(mark, Code(r.Subject), BaselineDiffJson.Category(r.Category), Lines(c.Resources), MarkdownEscape.Text(r.Effect), Lines(c.Actions),
                Code(r.Principal), Lines(c.Conditions), Cell(c.Reason), Cell(BaselineDiffText.Where(c, oldFile, newFile))));
        }

        return TextEscape.Document(sb.ToString());
    }

    /// <summary>Values in code spans, one per line; in a changed row, "+" before each added and "-" before each removed.</summary>
    private static string Lines(IReadOnlyList<CellLine> lines) =>
        !CellDiff.Differs(lines) ? Codes(lines.Select(l => l.Value))
            : string.Join("<br>", lines.Select(l => (l.Change switch { LineChange.Added => "\\+ ", LineChange.Removed => "\\- ", _ => "" }) + Code(l.Value)));
}
