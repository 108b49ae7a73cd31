using System.Text;
using SamPerms.Diagnostics;
using SamPerms.Output.Escaping;
using SamPerms.Validation;

namespace SamPerms.Output.Diagnostics;

/// <summary>
/// Findings for people: <c>template.yaml:12:9: warning SP3101: message</c>, then the source line with carets
/// under the span, then a summary line.
/// </summary>
public static class DiagnosticsText
{
    public static string Write(IReadOnlyList<ValidatedFile> files) => Write(files, TextStyle.Plain);

    /// <summary>The report, the severities in colour on a terminal (errors red, warnings yellow).</summary>
    public static string Write(IReadOnlyList<ValidatedFile> files, TextStyle style)
    {
        var sb = new StringBuilder();
        int errors = 0, warnings = 0, infos = 0;
        foreach (var f in files)
        {
            var shownLines = new Dictionary<int, ShownLine>();
            foreach (var d in f.Report.Diagnostics)
            {
                sb.Append(Line(d, f.Path, style)).Append('\n');
                Excerpt(sb, f.Lines, shownLines, d);
                switch (d.Severity)
                {
                    case Severity.Error: errors++; break;
                    case Severity.Warning: warnings++; break;
                    default: infos++; break;
                }
            }
        }

        var checkedText = files.Count == 1 ? "1 template" : $"{files.Count} templates";
        sb.Append($"{checkedText} checked: {Paint(style, Severity.Error, Count(errors, "error"), errors)}, {Paint(style, Severity.Warning, Count(warnings, "warning"), warnings)}, {Count(infos, "info")}\n");
        return style.Document(sb.ToString());
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    /// <summary><c>file:line:col: severity CODE: message</c>, the file and message escaped (they hold input text).</summary>
    public static string Line(Diagnostic d, string? fallbackFile = null) => Line(d, fallbackFile, TextStyle.Plain);

    private static string Line(Diagnostic d, string? fallbackFile, TextStyle style)
    {
        var file = TextEscape.Value(d.File ?? fallbackFile ?? "template");
        var where = d.Span.IsKnown ? $"{file}:{d.Span.Line}:{d.Span.Column}" : file;
        return $"{where}: {Paint(style, d.Severity, d.SeverityText, 1)} {d.Code}: {TextEscape.Value(d.Message)}";
    }

    /// <summary>Errors red, warnings yellow (a count of none stays plain); infos are never coloured.</summary>
    private static string Paint(TextStyle style, Severity severity, string text, int count) => count == 0 ? text : severity switch
    {
        Severity.Error => style.Paint(Tone.Bad, text),
        Severity.Warning => style.Paint(Tone.Warn, text),
        _ => text,
    };

    /// <summary>The longest excerpt shown; a longer line (minified JSON) is cut to this much around the column.</summary>
    internal const int MaxExcerpt = 160;

    private const int ContextBefore = 40;

    /// <summary>
    /// A line longer than <see cref="MaxExcerpt"/> cut to a window that starts a little before the span (marked
    /// "..." where cut), with the caret columns moved to match; so the output stays proportional to the findings,
    /// not to findings times the length of the line.
    /// </summary>
    private static (string Line, int Start, int End) Window(string line, int start, int end)
    {
        if (line.Length <= MaxExcerpt)
        {
            return (line, start, end);
        }

        int from = Math.Max(0, Math.Min(start - ContextBefore, line.Length - MaxExcerpt));
        int to = Math.Min(line.Length, from + MaxExcerpt);
        if (from > 0 && char.IsLowSurrogate(line[from]))
        {
            from++;
        }

        if (to < line.Length && char.IsLowSurrogate(line[to]))
        {
            to--;
        }

        var prefix = from > 0 ? "..." : "";
        var text = prefix + line[from..to] + (to < line.Length ? "..." : "");
        int shift = prefix.Length - from;
        int s = Math.Clamp(start + shift, prefix.Length, prefix.Length + (to - from));
        int e = Math.Clamp(end + shift, s + 1, Math.Max(s + 1, prefix.Length + (to - from)));
        return (text, s, e);
    }

    private static void Excerpt(StringBuilder sb, IReadOnlyList<string> lines, Dictionary<int, ShownLine> shownLines, Diagnostic d)
    {
        if (!d.Span.IsKnown || d.Line > lines.Count)
        {
            return;
        }

        if (!shownLines.TryGetValue(d.Line, out var shown))
        {
            shownLines[d.Line] = shown = new ShownLine(lines[d.Line - 1]);
        }

        var number = d.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        int startIndex = Math.Clamp(d.Column - 1, 0, shown.SourceLength);
        int endIndex = d.EndLine == d.Line ? Math.Clamp(d.EndColumn - 1, startIndex + 1, Math.Max(shown.SourceLength, startIndex + 1)) : Math.Max(shown.SourceLength, startIndex + 1);

        // The line as shown (tabs as a space, other control characters escaped), and where the span lands in it.
        int start = shown.Position(startIndex);
        int end = shown.Position(endIndex);
        // A long line (minified JSON) is cut to a window around the span.
        string text;
        (text, start, end) = Window(shown.Text, start, Math.Max(end, start + 1));
        sb.Append(' ').Append(number).Append(" | ").Append(text).Append('\n');

        // Carets under the span's columns on screen (a wide character takes two).
        int pad = DisplayWidth.Of(text[..Math.Min(start, text.Length)]);
        int carets = end <= text.Length ? DisplayWidth.Of(text[Math.Min(start, text.Length)..end]) : end - start;
        sb.Append(' ').Append(gutter).Append(" | ").Append(' ', pad).Append('^', Math.Max(1, carets)).Append('\n');
    }
}
