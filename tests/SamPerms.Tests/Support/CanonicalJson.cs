using System.Globalization;
using System.Text;
using SamPerms.Model;

namespace SamPerms.Tests.Support;

/// <summary>
/// Compares templates as the reference's tests and the conformance scorer do: maps by key, lists as
/// unordered (deep-sorted) collections, 1 equal to 1.0. Produces a canonical text of a value; two values
/// are equal when their canonical texts are.
/// </summary>
public static class CanonicalJson
{
    public static string Of(Node? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    public static bool Equal(Node? a, Node? b) => Of(a) == Of(b);

    private static void Write(StringBuilder sb, Node? node)
    {
        switch (node)
        {
            case null or NullNode:
                sb.Append("null");
                break;
            case StringNode s:
                sb.Append('"').Append(s.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case BoolNode b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case IntNode i:
                sb.Append(i.Text);
                break;
            case FloatNode f:
                sb.Append(f.Value == Math.Floor(f.Value) && Math.Abs(f.Value) < 1e15
                    ? ((long)f.Value).ToString(CultureInfo.InvariantCulture)
                    : f.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case SeqNode q:
                sb.Append('[');
                sb.AppendJoin(',', q.Items.Select(Of).Order(StringComparer.Ordinal));
                sb.Append(']');
                break;
            case MapNode m:
                sb.Append('{');
                bool first = true;
                foreach (var e in m.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    sb.Append('"').Append(e.Key).Append("\":");
                    Write(sb, e.Value);
                }

                sb.Append('}');
                break;
        }
    }
}
