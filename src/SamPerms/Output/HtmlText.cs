using System.Text;

namespace SamPerms.Output;

/// <summary>HTML (and SVG) escaping: every text from a template goes through <see cref="Escape"/> before it is written.</summary>
public static class HtmlText
{
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    // Control characters other than tab and line breaks are not allowed in HTML text.
                    sb.Append(char.IsControl(c) && c is not '\t' and not '\n' and not '\r' ? '\uFFFD' : c);
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
