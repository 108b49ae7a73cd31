using System.Text;

namespace SamPerms.Output.Escaping;

/// <summary>
/// The escaping policy of the Markdown outputs (pull-request comments, <c>$GITHUB_STEP_SUMMARY</c>): values from
/// the input go in code spans, fenced with more backticks than they hold, so that <c>*</c>, <c>_</c>, <c>$</c>,
/// <c>&lt;script&gt;</c> and <c>@</c> are shown and not rendered; in a table cell, <c>|</c> is escaped and no value
/// holds a raw line break (control characters are written as in <see cref="TextEscape"/>). Prose around values
/// has Markdown's and HTML's special characters escaped.
/// </summary>
public static class MarkdownEscape
{
    /// <summary>A value as an inline code span (empty for an empty value).</summary>
    public static string Code(string? text, bool inTable = true)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var value = TextEscape.Value(text);
        if (inTable)
        {
            value = value.Replace("|", "\\|", StringComparison.Ordinal);
        }

        int longest = 0, run = 0;
        foreach (var c in value)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        // A span that starts or ends with a backtick (or a space) needs a space inside the fence; one is stripped.
        bool pad = value[0] is '`' or ' ' || value[^1] is '`' or ' ';
        return pad ? $"{fence} {value} {fence}" : fence + value + fence;
    }

    /// <summary>Prose that may hold values: Markdown punctuation backslash-escaped, HTML as entities, no raw line break.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in TextEscape.Value(text))
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or '|' or '~' or '$':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A value inside HTML (a &lt;summary&gt; or &lt;code&gt; element): entities for &amp;, &lt;, &gt;, quotes; controls escaped.</summary>
    public static string Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in TextEscape.Value(text))
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '|': sb.Append("&#124;"); break;
                case '`': sb.Append("&#96;"); break;
                case '*' or '_' or '$' or '[' or ']' or '~' or '\\':
                    sb.Append("&#").Append((int)c).Append(';');
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
