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

        if (!NeedsEscape(text))
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
    public static string Document(string text) =>
        AnyLine(text.AsSpan(), LineNeedsEscape) ? EscapeLines(new StringBuilder(text)).ToString() : text;

    /// <summary>
    /// <see cref="Document(string)"/> of a builder's text, read chunk by chunk: the builder itself when nothing needs
    /// escaping (the common case), else a new one. A big report is so never one string, nor copied.
    /// </summary>
    public static StringBuilder Document(StringBuilder text) => AnyLine(text, LineNeedsEscape) ? EscapeLines(text) : text;

    /// <summary>Each line of the document escaped, its line breaks kept.</summary>
    private static StringBuilder EscapeLines(StringBuilder text)
    {
        var escaped = new StringBuilder(); // grows in chunks: no one array the size of a big report
        ForEachLine(text, (line, last) =>
        {
            AppendEscaped(escaped, line, lineBreaks: false);
            if (!last)
            {
                escaped.Append('\n');
            }
        });
        return escaped;
    }

    private delegate bool LineTest(ReadOnlySpan<char> line);

    private delegate void LineAction(ReadOnlySpan<char> line, bool last);

    /// <summary>One line of a document needs escaping: a control character, "##[", or "::" after its leading blanks.</summary>
    private static bool LineNeedsEscape(ReadOnlySpan<char> line) =>
        HasControl(line) || line.Contains("##[", StringComparison.Ordinal) || line.TrimStart().StartsWith("::", StringComparison.Ordinal);

    private static bool AnyLine(ReadOnlySpan<char> text, LineTest test)
    {
        foreach (var line in text.Split('\n'))
        {
            if (test(text[line]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyLine(StringBuilder text, LineTest test)
    {
        bool found = false;
        ForEachLine(text, (line, _) => found = found || test(line));
        return found;
    }

    /// <summary>
    /// Each line of the builder's text (without its line break; the last one, maybe empty, after the last break),
    /// read from its chunks: a line that runs over from one chunk into the next is put together in a pooled buffer.
    /// </summary>
    private static void ForEachLine(StringBuilder text, LineAction action)
    {
        char[]? carry = null;
        int carried = 0;
        try
        {
            foreach (var chunk in text.GetChunks())
            {
                var rest = chunk.Span;
                while (true)
                {
                    int br = rest.IndexOf('\n');
                    var piece = br < 0 ? rest : rest[..br];
                    if (br < 0 || carried > 0)
                    {
                        if (carry is null || carried + piece.Length > carry.Length)
                        {
                            var bigger = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(256, 2 * (carried + piece.Length)));
                            carry?.AsSpan(0, carried).CopyTo(bigger);
                            if (carry is not null)
                            {
                                System.Buffers.ArrayPool<char>.Shared.Return(carry);
                            }

                            carry = bigger;
                        }

                        piece.CopyTo(carry.AsSpan(carried));
                        carried += piece.Length;
                        if (br < 0)
                        {
                            break;
                        }

                        action(carry.AsSpan(0, carried), false);
                        carried = 0;
                    }
                    else
                    {
                        action(piece, false);
                    }

                    rest = rest[(br + 1)..];
                }
            }

            action(carry is null ? default : carry.AsSpan(0, carried), true);
        }
        finally
        {
            if (carry is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(carry);
            }
        }
    }

    /// <summary>True for the characters this policy never prints raw.</summary>
    public static bool IsControl(char c) =>
        c < ' ' || c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>One value needs escaping: a control character, "##[", or a ':' after its leading blanks.</summary>
    private static bool NeedsEscape(string text) =>
        HasControl(text) || text.Contains("##[", StringComparison.Ordinal) || text.TrimStart().StartsWith(':');

    private static bool HasControl(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends one value (or one line of a document): a leading ':' and every control character escaped.</summary>
    private static void AppendEscaped(StringBuilder sb, ReadOnlySpan<char> text, bool lineBreaks)
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
