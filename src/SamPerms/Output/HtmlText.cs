using System.Text;

namespace SamPerms.Output;

/// <summary>HTML (and SVG) escaping: every text from a template goes through <see cref="Escape"/> before it is written.</summary>
public static class HtmlText
{
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                // "##[" starts a GitHub Actions log command anywhere on a line (a page printed in a log): broken up.
                case '#' when i + 2 < text.Length && text[i + 1] == '#' && text[i + 2] == '[': sb.Append("&#35;"); break;
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                // Line breaks as character references: no line of the page starts with template text.
                case '\n': sb.Append("&#10;"); break;
                case '\r': sb.Append("&#13;"); break;
                case '\t': sb.Append('\t'); break;
                default:
                    // Other control and bidirectional characters are shown, never obeyed (as in the text outputs).
                    sb.Append(Escaping.TextEscape.IsControl(c) ? Escaping.TextEscape.Value(c.ToString()) : c.ToString());
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A value usable in an id or data attribute (letters, digits, '-', '_', '.'); others become '_' plus their code.</summary>
    public static string Id(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('_').Append(((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
