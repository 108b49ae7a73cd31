using System.Text;
using SamPerms.Diagnostics;
using SamPerms.Validation;

namespace SamPerms.Output.Diagnostics;

/// <summary>
/// Findings for people: <c>template.yaml:12:9: warning SP3101: message</c>, then the source line with carets
/// under the span, then a summary line.
/// </summary>
public static class DiagnosticsText
{
    public static string Write(IReadOnlyList<ValidatedFile> files)
    {
        var sb = new StringBuilder();
        int errors = 0, warnings = 0, infos = 0;
        foreach (var f in files)
        {
            foreach (var d in f.Report.Diagnostics)
            {
                sb.Append(d.Format(f.Path)).Append('\n');
                Excerpt(sb, f.Lines, d);
                switch (d.Severity)
                {
                    case Severity.Error: errors++; break;
                    case Severity.Warning: warnings++; break;
                    default: infos++; break;
                }
            }
        }

        var checkedText = files.Count == 1 ? "1 template" : $"{files.Count} templates";
        sb.Append($"{checkedText} checked: {Count(errors, "error")}, {Count(warnings, "warning")}, {Count(infos, "info")}\n");
        return sb.ToString();
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static void Excerpt(StringBuilder sb, IReadOnlyList<string> lines, Diagnostic d)
    {
        if (!d.Span.IsKnown || d.Line > lines.Count)
        {
            return;
        }

        var line = lines[d.Line - 1].TrimEnd('\r').Replace('\t', ' ');
        var number = d.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        int start = Math.Clamp(d.Column - 1, 0, line.Length);
        int end = d.EndLine == d.Line ? Math.Clamp(d.EndColumn - 1, start + 1, Math.Max(line.Length, start + 1)) : Math.Max(line.Length, start + 1);
        sb.Append(' ').Append(number).Append(" | ").Append(line).Append('\n');
        sb.Append(' ').Append(gutter).Append(" | ").Append(' ', start).Append('^', end - start).Append('\n');
    }
}
