using System.Text;
using SamPerms.Model;

namespace SamPerms.Model.Py27;

/// <summary>
/// Python's json.dumps, byte for byte (ensure_ascii on, the reference's separators and key order): SAM hashes
/// this text into logical ids and prints state machine definitions with it.
/// </summary>
public static class PyJson
{
    /// <summary>Python json.dumps(value, sort_keys=..., separators=...) with ensure_ascii on.</summary>
    public static string Dumps(Node node, bool sortKeys, bool compact)
    {
        var sb = new StringBuilder();
        JsonText.Write(sb, node, sortKeys, compact ? "," : ", ", compact ? ":" : ": ", ensureAscii: true);
        return sb.ToString();
    }

    /// <summary>
    /// Python json.dumps(value, sort_keys=True, indent=n, separators=(",", ": ")) with ensure_ascii on: the
    /// reference prints state machine definitions this way before splitting them into lines.
    /// </summary>
    public static string DumpsIndented(Node node, int indent)
    {
        var sb = new StringBuilder();
        WritePyIndented(sb, node, indent, 0);
        return sb.ToString();
    }

    private static void WritePyIndented(StringBuilder sb, Node node, int indent, int depth)
    {
        switch (node)
        {
            case MapNode m when m.Count > 0:
                sb.Append('{');
                bool firstKey = true;
                foreach (var e in m.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    sb.Append(firstKey ? "\n" : ",\n").Append(' ', (depth + 1) * indent);
                    firstKey = false;
                    JsonText.WriteString(sb, e.Key, ensureAscii: true);
                    sb.Append(": ");
                    WritePyIndented(sb, e.Value, indent, depth + 1);
                }

                sb.Append('\n').Append(' ', depth * indent).Append('}');
                return;
            case SeqNode s when s.Count > 0:
                sb.Append('[');
                for (int i = 0; i < s.Count; i++)
                {
                    sb.Append(i == 0 ? "\n" : ",\n").Append(' ', (depth + 1) * indent);
                    WritePyIndented(sb, s[i], indent, depth + 1);
                }

                sb.Append('\n').Append(' ', depth * indent).Append(']');
                return;
            case MapNode:
                sb.Append("{}");
                return;
            case SeqNode:
                sb.Append("[]");
                return;
            default:
                JsonText.WriteScalar(sb, node, ensureAscii: true);
                return;
        }
    }
}
