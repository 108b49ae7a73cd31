using System.Globalization;
using System.Text;

namespace SamPerms.Output.Escaping;

/// <summary>
/// The escaping policy of the plain-text outputs (text reports, excerpts, stderr): a string that comes from a
/// template, an intent file, samconfig or the command line is shown, never obeyed. Control characters (line
/// breaks, tabs, ESC, BEL, C1 controls, Unicode line separators and bidirectional overrides) are written as
/// <c>\n</c>, <c>\t</c>, <c>\r</c> or <c>\uXXXX</c>, so a value stays on its line and cannot drive the terminal;
/// a value that starts with ':' (a GitHub Actions workflow command, <c>::add-mask::</c>) has that ':' written
/// <c>\u003a</c>, and <c>##[</c> (the runner's older command form) is broken up, so a CI log never executes it.
/// </summary>
public static class TextEscape
{
    /// <summary>One value from the input, for a text output.</summary>
    public static string Value(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!NeedsEscape(text, lineBreaks: true))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        AppendEscaped(sb, text, lineBreaks: true);
        return sb.ToString();
    }

    /// <summary>
    /// A whole text document the tool wrote (its own line breaks kept): every other control character escaped,
    /// and no line (after its leading blanks) starting with "::" — the last line of defence behind <see cref="Value"/>.
    /// </summary>
    public static string Document(string text)
    {
        if (!NeedsEscape(text, lineBreaks: false))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            var line = end < 0 ? text.AsSpan(start) : text.AsSpan(start, end - start);
            AppendEscaped(sb, line.ToString(), lineBreaks: false);
            if (end < 0)
            {
                break;
            }

            sb.Append('\n');
            start = end + 1;
        }

        return sb.ToString();
    }

    /// <summary>True for the characters this policy never prints raw.</summary>
    public static bool IsControl(char c) =>
        c < ' ' || c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    private static bool NeedsEscape(string text, bool lineBreaks)
    {
        foreach (var c in text)
        {
            if (IsControl(c) && (lineBreaks || c != '\n'))
            {
                return true;
            }
        }

        if (text.Contains("##[", StringComparison.Ordinal))
        {
            return true;
        }

        if (lineBreaks)
        {
            return text.TrimStart().StartsWith(':');
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.TrimStart().StartsWith("::", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends one value (or one line of a document): a leading ':' and every control character escaped.</summary>
    private static void AppendEscaped(StringBuilder sb, string text, bool lineBreaks)
    {
        int first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first]))
        {
            first++;
        }

        bool leadingColon = first < text.Length && text[first] == ':' && (lineBreaks || (first + 1 < text.Length && text[first + 1] == ':'));
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (i == first && leadingColon)
            {
                sb.Append("\\u003a");
            }
            else if (c == '[' && i >= 2 && text[i - 1] == '#' && text[i - 2] == '#')
            {
                sb.Append("\\u005b");
            }
            else if (IsControl(c) && (lineBreaks || c != '\n'))
            {
                AppendControl(sb, c);
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    private static void AppendControl(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '\n': sb.Append("\\n"); break;
            case '\r': sb.Append("\\r"); break;
            case '\t': sb.Append("\\t"); break;
            default: sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
        }
    }
}
