using System.Text;
using SamPerms.Output.Escaping;
using SamPerms.Permissions.Intent;
using static SamPerms.Output.MarkdownText;

namespace SamPerms.Output;

/// <summary>The intent check as Markdown, for a pull-request comment.</summary>
public static class IntentDiffMarkdown
{
    public static string Write(IntentReport report, string templateFile)
    {
        var sb = new StringBuilder();
        sb.Append("## Permissions against intent: ").Append(MarkdownEscape.Code(templateFile, inTable: false)).Append("\n\n");
        sb.Append($"**{report.Count(FindingKind.Missing)} missing**, **{report.Count(FindingKind.Excess)} excess**, {report.Count(FindingKind.Unverifiable)} unverifiable\n\n");
        if (report.Findings.Count > 0)
        {
            sb.Append(Header("", "Function", "Side", "What", "Why", "Where"));
            foreach (var f in report.Findings)
            {
                var mark = f.Kind switch
                {
                    FindingKind.Missing => "missing",
                    FindingKind.Excess => "excess",
                    _ => "unverifiable",
                };
                sb.Append(Row(mark, Code(f.Subject), f.Side == FindingSide.Invoke ? "invoke" : "allow",
                    Code(IntentDiffText.What(f)), Cell(f.Reason), Cell(IntentDiffText.Where(f, templateFile))));
            }

            sb.Append('\n');
        }

        if (report.Unchecked.Count > 0)
        {
            sb.Append("Not in the intent (not checked): ").Append(string.Join(", ", report.Unchecked.Select(Code))).Append('\n');
        }

        return TextEscape.Document(sb.ToString());
    }
}
