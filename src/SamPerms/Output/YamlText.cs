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
    public static string Write(Node node)
    {
        var sb = new StringBuilder(4096);
        WriteValue(sb, node, 0, inSequence: false);
        if (sb.Length == 0 || sb[^1] != '\n')
        {
            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static void WriteValue(StringBuilder sb, Node node, int indent, bool inSequence)
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
                    if (!(first && inSequence))
                    {
                        sb.Append(' ', indent);
                    }

                    first = false;
                    sb.Append(Key(e.Key)).Append(':');
                    WriteChild(sb, e.Value, indent + 2);
                }

                return;
            case SeqNode s:
                foreach (var item in s.Items)
                {
                    sb.Append(' ', indent).Append("- ");
                    if (item is MapNode { Count: > 0 } or SeqNode { Count: > 0 })
                    {
                        if (item is SeqNode)
                        {
                            sb.Append('\n');
                            WriteValue(sb, item, indent + 2, inSequence: false);
                        }
                        else
                        {
                            WriteValue(sb, item, indent + 2, inSequence: true);
                        }
                    }
                    else
                    {
                        WriteValue(sb, item, indent + 2, inSequence: true);
                    }
                }

                return;
            default:
                sb.Append(Scalar(node)).Append('\n');
                return;
        }
    }

    private static void WriteChild(StringBuilder sb, Node value, int indent)
    {
        if (value is MapNode { Count: > 0 } or SeqNode { Count: > 0 })
        {
            sb.Append('\n');
            WriteValue(sb, value, value is SeqNode ? indent - 2 : indent, inSequence: false);
        }
        else
        {
            sb.Append(' ');
            WriteValue(sb, value, indent, inSequence: false);
        }
    }

    private static string Key(string key) => IsSafePlain(key) ? key : Quote(key);

    private static string Scalar(Node node) => node switch
    {
        StringNode s => IsSafePlain(s.Value) ? s.Value : Quote(s.Value),
        IntNode i => i.Text,
        FloatNode f => double.IsNaN(f.Value) ? ".nan" : double.IsInfinity(f.Value) ? (f.Value > 0 ? ".inf" : "-.inf") : f.PythonRepr,
        BoolNode b => b.Value ? "true" : "false",
        _ => "null",
    };

    private static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        JsonText.WriteString(sb, s, ensureAscii: false);
        return sb.ToString();
    }

    private static bool IsSafePlain(string s) =>
        s.Length > 0 && SafePlainRegex().IsMatch(s) && !ReservedRegex().IsMatch(s)
        && !s.EndsWith(':') && !s.Contains(": ", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z_/$][A-Za-z0-9_./$@:*-]*(?: [A-Za-z0-9_./$@:*-]+)*$")]
    private static partial Regex SafePlainRegex();

    [GeneratedRegex(@"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$")]
    private static partial Regex ReservedRegex();
}
