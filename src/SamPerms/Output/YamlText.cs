using System.Text;
using System.Text.RegularExpressions;
using SamPerms.Model;

namespace SamPerms.Output;

/// <summary>
/// Writes a node tree as block-style YAML that any YAML 1.1 or 1.2 reader types back exactly as the JSON
/// output: strings are quoted whenever a plain scalar could be read as something else.
/// </summary>
public static partial class YamlText
{
    public static string Write(Node node) => Write(node, null);

    /// <summary>
    /// As <see cref="Write(Node)"/>, with comment lines above map entries: <paramref name="comment"/> gets the key
    /// path of each entry (<c>Resources</c>, <c>X</c>, <c>Properties</c>, <c>P</c>) and returns the comment text
    /// or null. Comments never change what the YAML reads as; line breaks in them are written as spaces.
    /// </summary>
    public static string Write(Node node, Func<IReadOnlyList<string>, string?>? comment)
    {
        var sb = new StringBuilder(4096);
        WriteValue(sb, node, 0, inSequence: false, new Path(comment));
        if (sb.Length == 0 || sb[^1] != '\n')
        {
            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The key path to the value being written, and the comment source.</summary>
    private sealed class Path(Func<IReadOnlyList<string>, string?>? comment)
    {
        public readonly List<string> Keys = [];

        public string? Comment => comment?.Invoke(Keys);
    }

    private static void WriteComment(StringBuilder sb, string text, int indent)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            clean.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? ' ' : c);
        }

        sb.Append(' ', indent).Append("# ").Append(clean).Append('\n');
    }

    private static void WriteValue(StringBuilder sb, Node node, int indent, bool inSequence, Path path)
    {
        switch (node)
        {
            case MapNode { Count: 0 }:
                sb.Append("{}\n");
                return;
            case SeqNode { Count: 0 }:
                sb.Append("[]\n");
                return;
            case MapNode m:
                bool first = true;
                foreach (var e in m.Entries)
                {
                    path.Keys.Add(e.Key);
                    if (!(first && inSequence))
                    {
                        if (path.Comment is { } note)
                        {
                            WriteComment(sb, note, indent);
                        }

                        sb.Append(' ', indent);
                    }

                    first = false;
                    sb.Append(Key(e.Key)).Append(':');
                    WriteChild(sb, e.Value, indent + 2, path);
                    path.Keys.RemoveAt(path.Keys.Count - 1);
                }

                return;
            case SeqNode s:
                for (int index = 0; index < s.Count; index++)
                {
                    var item = s[index];
                    path.Keys.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    sb.Append(' ', indent).Append("- ");
                    if (item is MapNode { Count: > 0 } or SeqNode { Count: > 0 })
                    {
                        if (item is SeqNode)
                        {
                            sb.Append('\n');
                            WriteValue(sb, item, indent + 2, inSequence: false, path);
                        }
                        else
                        {
                            WriteValue(sb, item, indent + 2, inSequence: true, path);
                        }
                    }
                    else
                    {
                        WriteValue(sb, item, indent + 2, inSequence: true, path);
                    }

                    path.Keys.RemoveAt(path.Keys.Count - 1);
                }

                return;
            default:
                sb.Append(Scalar(node)).Append('\n');
                return;
        }
    }

    private static void WriteChild(StringBuilder sb, Node value, int indent, Path path)
    {
        if (value is MapNode { Count: > 0 } or SeqNode { Count: > 0 })
        {
            sb.Append('\n');
            WriteValue(sb, value, value is SeqNode ? indent - 2 : indent, inSequence: false, path);
        }
        else
        {
            sb.Append(' ');
            WriteValue(sb, value, indent, inSequence: false, path);
        }
    }

    private static string Key(string key) => IsSafePlain(key) ? key : Quote(key);

    private static string Scalar(Node node) => node switch
    {
        StringNode s => IsSafePlain(s.Value) ? s.Value : Quote(s.Value),
        IntNode i => i.Text,
        FloatNode f => double.IsNaN(f.Value) ? ".nan" : double.IsInfinity(f.Value) ? (f.Value > 0 ? ".inf" : "-.inf") : FloatText(f.PythonRepr),
        BoolNode b => b.Value ? "true" : "false",
        _ => "null",
    };

    /// <summary>
    /// A float as YAML 1.1 readers type it: PyYAML's float pattern needs a dot and a signed exponent, so Python's
    /// <c>1e+16</c> (a string to PyYAML) is written <c>1.0e+16</c>, as PyYAML's own emitter does.
    /// </summary>
    private static string FloatText(string repr)
    {
        int e = repr.IndexOf('e', StringComparison.Ordinal);
        return e < 0 || repr.AsSpan(0, e).Contains('.') ? repr : repr[..e] + ".0" + repr[e..];
    }

    /// <summary>
    /// A double-quoted YAML scalar. Every character a reader would not take literally is escaped: control
    /// characters, DEL and the C1 range (not printable in YAML), and the Unicode line and paragraph separators and
    /// NEL, which YAML 1.1 readers treat as line breaks (folded to a space inside quotes); a byte-order mark too.
    /// The escapes are common to YAML 1.1 and 1.2.
    /// </summary>
    private static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;

                // "##[" starts a GitHub Actions log command anywhere on a line: broken up, as every output does.
                case '#' when i + 2 < s.Length && s[i + 1] == '#' && s[i + 2] == '[': sb.Append("\\x23"); break;
                default:
                    bool surrogateOk = char.IsSurrogate(c) && char.IsSurrogatePair(s, i > 0 && char.IsLowSurrogate(c) ? i - 1 : i);
                    if (c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF'
                        || Escaping.TextEscape.IsControl(c) || (char.IsSurrogate(c) && !surrogateOk))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
        return sb.ToString();
    }

    private static bool IsSafePlain(string s) =>
        s.Length > 0 && SafePlainRegex().IsMatch(s) && !ReservedRegex().IsMatch(s) && !s.Any(Escaping.TextEscape.IsControl) && !s.Contains("##[", StringComparison.Ordinal)
        && !s.EndsWith(':') && !s.Contains(": ", StringComparison.Ordinal);

    // A word after a space never starts with '*' or '@': YamlDotNet (the project's reader) takes " *" inside a plain
    // scalar for an alias, where PyYAML reads on ("n@ *: x" is one key for PyYAML, one scalar for YamlDotNet).
    [GeneratedRegex(@"^[A-Za-z_/$][A-Za-z0-9_./$@:*-]*(?: [A-Za-z0-9_./$:-][A-Za-z0-9_./$@:*-]*)*\z")]
    private static partial Regex SafePlainRegex();

    [GeneratedRegex(@"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)\z")]
    private static partial Regex ReservedRegex();
}
