using System.Globalization;
using System.Text;

namespace SamPerms.Model.Py27;

/// <summary>
/// Python's str() of a value that may hold Python 2.7 dicts and unicode strings, as the reference computes it
/// for the API deployment hash: maps print in their iteration order, unicode strings as u'...'.
/// </summary>
public static class Py27Str
{
    public static string Of(Node? node)
    {
        if (node is StringNode s)
        {
            return s.Value;
        }

        var sb = new StringBuilder();
        WriteRepr(sb, node);
        return sb.ToString();
    }

    /// <summary><see cref="Of"/> appended to <paramref name="sb"/> (the deployment hash reads megabytes of it, never as one string).</summary>
    public static void AppendTo(StringBuilder sb, Node? node)
    {
        if (node is StringNode s)
        {
            sb.Append(s.Value);
        }
        else
        {
            WriteRepr(sb, node);
        }
    }

    /// <summary>
    /// str() for an error message. The reference's own expected error texts drop the u prefix of alphanumeric
    /// unicode strings (its test suite rewrites u'abc' to 'abc'), so messages follow that form.
    /// </summary>
    public static string ForMessage(Node? node) =>
        System.Text.RegularExpressions.Regex.Replace(Of(node), "u'([A-Za-z0-9]*)'", "'$1'");

    /// <summary>type(value).__name__ once the reference converted the value (Py27Dict, Py27UniStr, Py27LongInt), else Python's own.</summary>
    public static string TypeName(Node? node) => node switch
    {
        MapNode { IsPy27: true } => "Py27Dict",
        StringNode { Unicode: true } => "Py27UniStr",
        IntNode { Py27Long: true } => "Py27LongInt",
        _ => Py.TypeName(node),
    };

    private static readonly Action<StringBuilder, string, bool> AppendString = (sb, text, unicode) =>
    {
        if (unicode)
        {
            AppendUnicodeRepr(sb, text);
        }
        else
        {
            Py.AppendReprString(sb, text);
        }
    };

    private static void WriteRepr(StringBuilder sb, Node? node) => Py.WriteRepr(sb, node, AppendString);

    /// <summary>Py27UniStr.__repr__: u + the repr of the unicode_escape text, backslashes not doubled again.</summary>
    public static string UnicodeRepr(string value)
    {
        var sb = new StringBuilder(value.Length + 3);
        AppendUnicodeRepr(sb, value);
        return sb.ToString();
    }

    /// <summary><see cref="UnicodeRepr"/> appended to <paramref name="sb"/>.</summary>
    public static void AppendUnicodeRepr(StringBuilder sb, string value)
    {
        if (Py.ReprsAsItself(value))
        {
            sb.Append("u'").Append(value).Append('\'');
            return;
        }

        var esc = new StringBuilder(value.Length + 2);
        foreach (var rune in value.EnumerateRunes())
        {
            int c = rune.Value;
            switch (c)
            {
                case '\\': esc.Append("\\\\"); break;
                case '\t': esc.Append("\\t"); break;
                case '\n': esc.Append("\\n"); break;
                case '\r': esc.Append("\\r"); break;
                default:
                    if (c < 0x20 || (c >= 0x7f && c < 0x100))
                    {
                        esc.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (c >= 0x100 && c < 0x10000)
                    {
                        esc.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (c >= 0x10000)
                    {
                        esc.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        esc.Append((char)c);
                    }

                    break;
            }
        }

        var text = esc.ToString();
        char quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        sb.Append('u').Append(quote);
        foreach (var ch in text)
        {
            if (ch == quote)
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        sb.Append(quote);
    }
}
