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
        sb.Append($"{report.Changes.Count(c => c.Added)} added, {report.Changes.Count(c => !c.Added)} removed, **{report.Broadening} broadening**\n\n");
        if (report.Changes.Count == 0)
        {
            return TextEscape.Document(sb.ToString());
        }

        sb.Append(Header("", "Function", "Kind", "Resource", "Effect", "Action", "Principal", "Condition", "Why", "Where"));
        foreach (var c in report.Changes)
        {
            var r = c.Row;
            var mark = (c.Added ? "added" : "removed") + (c.Broadening ? " ⚠️ **broadening**" : "");
            sb.Append(Row(mark, Code(r.Subject), BaselineDiffJson.Category(r.Category), Codes(r.Resources), MarkdownEscape.Text(r.Effect), Codes(r.Actions),
                Code(r.Principal), Codes(r.Condition.Split('\n').Where(x => x.Length > 0)), Cell(c.Reason), Cell(BaselineDiffText.Where(c, oldFile, newFile))));
        }

        return TextEscape.Document(sb.ToString());
    }
}
