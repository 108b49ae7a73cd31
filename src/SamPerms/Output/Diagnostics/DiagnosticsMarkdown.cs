using System.Globalization;
using System.Text;
using SamPerms.Diagnostics;
using SamPerms.Output.Escaping;

namespace SamPerms.Output.Diagnostics;

/// <summary>
/// Findings as Markdown, for a pull-request comment or <c>$GITHUB_STEP_SUMMARY</c>: a count line, then per
/// template a table of findings (where, severity, code, message). Values from the template are escaped by the one
/// Markdown policy (<see cref="MarkdownEscape"/>).
/// </summary>
public static class DiagnosticsMarkdown
{
    public static string Write(IReadOnlyList<ValidatedFile> files)
    {
        var all = files.SelectMany(f => f.Report.Diagnostics).ToList();
        var sb = new StringBuilder();
        sb.Append(Count(files.Count, "template")).Append(" checked: ")
            .Append(Count(all.Count(d => d.Severity == Severity.Error), "error")).Append(", ")
            .Append(Count(all.Count(d => d.Severity == Severity.Warning), "warning")).Append(", ")
            .Append(Count(all.Count(d => d.Severity == Severity.Info), "info")).Append('\n');
        foreach (var f in files)
        {
            sb.Append('\n').Append("#### ").Append(MarkdownEscape.Code(f.UriPath, inTable: false)).Append("\n\n");
            if (f.Report.Diagnostics.Count == 0)
            {
                sb.Append("No findings.\n");
                continue;
            }

            sb.Append("| Line | Severity | Code | Finding |\n|---|---|---|---|\n");
            foreach (var d in f.Report.Diagnostics)
            {
                var line = d.Span.IsKnown ? $"{d.Line.ToString(CultureInfo.InvariantCulture)}:{d.Column.ToString(CultureInfo.InvariantCulture)}" : "";
                var title = DiagnosticCatalog.Find(d.Code)?.Title;
                sb.Append("| ").Append(line).Append(" | ").Append(d.SeverityText).Append(" | ")
                    .Append(title is null ? d.Code : $"{d.Code} {MarkdownEscape.Text(title).Replace("|", "\\|", StringComparison.Ordinal)}")
                    .Append(" | ").Append(MarkdownEscape.Code(d.Message)).Append(" |\n");
            }
        }

        return sb.ToString();
    }

    private static string Count(int n, string what) => $"{n.ToString(CultureInfo.InvariantCulture)} {what}{(n == 1 ? "" : "s")}";
}
