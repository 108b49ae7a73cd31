using System.Text;

namespace SamPerms.Output.Escaping;

/// <summary>
/// The escaping policy of the Mermaid output: every label is quoted; inside it quotes, angle brackets, '#', '&amp;'
/// and the characters that close a node or an edge label are Mermaid entities (<c>#quot;</c>, <c>#lt;</c>, ...),
/// and control characters are written as in <see cref="TextEscape"/>. Line breaks between values are the
/// tool's own <c>&lt;br/&gt;</c>, added with <see cref="Lines"/>.
/// </summary>
public static class MermaidEscape
{
    /// <summary>One value inside a quoted label.</summary>
    public static string Value(string? text)
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
                case '"': sb.Append("#quot;"); break;
                case '<': sb.Append("#lt;"); break;
                case '>': sb.Append("#gt;"); break;
                case '#': sb.Append("#35;"); break;
                case '&': sb.Append("#38;"); break;
                case '|': sb.Append("#124;"); break;
                case '`': sb.Append("#96;"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Values (escaped) one per line of a label.</summary>
    public static string Lines(IEnumerable<string> values) => string.Join("<br/>", values.Select(Value));

    /// <summary>A quoted label from lines already escaped with <see cref="Value"/> or <see cref="Lines"/>.</summary>
    public static string Quoted(string escaped) => "\"" + escaped + "\"";
}
