using System.Buffers;
using System.Globalization;
using System.Text;
namespace SamPerms.Model;

/// <summary>
/// Writes node trees as JSON. <see cref="Pretty"/> is SamPerms' own output (2-space indent, keys in template order,
/// UTF-8 text kept as is); <see cref="Py27.PyJson"/> reproduces Python's json.dumps byte for byte on top of the
/// same writer, because SAM hashes that text into logical ids.
/// </summary>
public static class JsonText
{
    public static string Pretty(Node node) => PrettyBuilder(node).ToString();

    /// <summary><see cref="Pretty(Node)"/>'s text in a builder that grows in chunks (a big document is never one string).</summary>
    public static StringBuilder PrettyBuilder(Node node)
    {
        var sb = new StringBuilder(4096);
        Pretty(node, sb);
        return sb;
    }

    /// <summary>Appends <see cref="Pretty(Node)"/>'s text to <paramref name="sb"/> (a writer that reuses its builder makes no string of it).</summary>
    public static void Pretty(Node node, StringBuilder sb) => Pretty(node, sb, null);

    /// <summary>
    /// <see cref="Pretty(Node, StringBuilder)"/>, handing the text written so far to <paramref name="spill"/> (which
    /// empties the builder) whenever it holds <see cref="SpillAt"/> characters or more, between two entries: a big
    /// template's JSON is then never held whole.
    /// </summary>
    public static void Pretty(Node node, StringBuilder sb, Action<StringBuilder>? spill)
    {
        WritePretty(sb, node, 0, spill);
        sb.Append('\n');
        spill?.Invoke(sb);
    }

    /// <summary>How much text <see cref="Pretty(Node, StringBuilder, Action{StringBuilder})"/> keeps before spilling it.</summary>
    public const int SpillAt = 32 * 1024;

    // Compact text is asked of many small values (a policy's opaque values, Sub strings): one builder per thread is
    // reused for them (taken while in use), so each costs its string only, not a builder grown chunk by chunk.
    [ThreadStatic]
    private static StringBuilder? _compactBuilder;

    public static string Compact(Node node)
    {
        var sb = _compactBuilder ?? new StringBuilder(256);
        _compactBuilder = null;
        Write(sb, node, sortKeys: false, itemSep: ",", keySep: ":", ensureAscii: false);
        var text = sb.ToString();
        if (sb.Capacity <= 8 * 1024)
        {
            _compactBuilder = sb.Clear();
        }

        return text;
    }

    private static void WritePretty(StringBuilder sb, Node node, int depth, Action<StringBuilder>? spill = null)
    {
        switch (node)
        {
            case MapNode m:
                if (m.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }

                sb.Append("{\n");
                var entries = m.Entries; // writing reads the map once: nothing here changes it
                for (int i = 0; i < entries.Count; i++)
                {
                    var e = entries[i];
                    Indent(sb, depth + 1);
                    WriteString(sb, e.Key, ensureAscii: false);
                    sb.Append(": ");
                    WritePretty(sb, e.Value, depth + 1, spill);
                    if (i < entries.Count - 1)
                    {
                        sb.Append(',');
                    }

                    sb.Append('\n');
                    if (spill is not null && sb.Length >= SpillAt)
                    {
                        spill(sb);
                    }
                }

                Indent(sb, depth);
                sb.Append('}');
                return;
            case SeqNode s:
                if (s.Count == 0)
                {
                    sb.Append("[]");
                    return;
                }

                sb.Append("[\n");
                for (int i = 0; i < s.Count; i++)
                {
                    Indent(sb, depth + 1);
                    WritePretty(sb, s[i], depth + 1, spill);
                    if (i < s.Count - 1)
                    {
                        sb.Append(',');
                    }

                    sb.Append('\n');
                    if (spill is not null && sb.Length >= SpillAt)
                    {
                        spill(sb);
                    }
                }

                Indent(sb, depth);
                sb.Append(']');
                return;
            default:
                WriteScalar(sb, node, ensureAscii: false);
                return;
        }
    }

    private static void Indent(StringBuilder sb, int depth) => sb.Append(' ', depth * 2);

    internal static void Write(StringBuilder sb, Node node, bool sortKeys, string itemSep, string keySep, bool ensureAscii)
    {
        switch (node)
        {
            case MapNode m:
                sb.Append('{');
                bool first = true;
                if (sortKeys)
                {
                    foreach (var e in m.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                    {
                        WriteEntry(sb, in e, ref first, sortKeys, itemSep, keySep, ensureAscii);
                    }
                }
                else
                {
                    foreach (var e in m.Entries) // the map's own enumerator: nothing allocated per map
                    {
                        WriteEntry(sb, in e, ref first, sortKeys, itemSep, keySep, ensureAscii);
                    }
                }

                sb.Append('}');
                return;
            case SeqNode s:
                sb.Append('[');
                for (int i = 0; i < s.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(itemSep);
                    }

                    Write(sb, s[i], sortKeys, itemSep, keySep, ensureAscii);
                }

                sb.Append(']');
                return;
            default:
                WriteScalar(sb, node, ensureAscii);
                return;
        }
    }

    private static void WriteEntry(StringBuilder sb, in MapEntry e, ref bool first, bool sortKeys, string itemSep, string keySep, bool ensureAscii)
    {
        if (!first)
        {
            sb.Append(itemSep);
        }

        first = false;
        WriteString(sb, e.Key, ensureAscii);
        sb.Append(keySep);
        Write(sb, e.Value, sortKeys, itemSep, keySep, ensureAscii);
    }

    internal static void WriteScalar(StringBuilder sb, Node node, bool ensureAscii)
    {
        switch (node)
        {
            case StringNode s:
                WriteString(sb, s.Value, ensureAscii);
                break;
            case IntNode i:
                sb.Append(i.Text);
                break;
            case FloatNode f:
                sb.Append(f.PythonRepr);
                break;
            case BoolNode b:
                sb.Append(b.Value ? "true" : "false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static bool IsInvisibleControl(char c) =>
        c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    // Printable ASCII but the quote, the backslash and '[': what a string mostly is, copied as it stands.
    private static readonly SearchValues<char> AsItIs = SearchValues.Create(
        string.Concat(Enumerable.Range(0x20, 0x7f - 0x20).Select(c => (char)c).Where(c => c is not ('"' or '\\' or '['))));

    public static void WriteString(StringBuilder sb, string s, bool ensureAscii)
    {
        sb.Append('"');
        var text = s.AsSpan();
        int i = 0;
        while (i < text.Length)
        {
            int run = text[i..].IndexOfAnyExcept(AsItIs);
            if (run < 0)
            {
                sb.Append(text[i..]);
                break;
            }

            sb.Append(text.Slice(i, run));
            i += run;
            WriteChar(sb, s, i, ensureAscii);
            i++;
        }

        sb.Append('"');
    }

    private static void WriteChar(StringBuilder sb, string s, int i, bool ensureAscii)
    {
        char c = s[i];
        switch (c)
        {
            // "##[" is a GitHub Actions command anywhere on a log line: its '[' escaped, the value is the same.
            case '[' when !ensureAscii && i >= 2 && s[i - 1] == '#' && s[i - 2] == '#': sb.Append("\\u005b"); break;
            case '"': sb.Append("\\\""); break;
            case '\\': sb.Append("\\\\"); break;
            case '\n': sb.Append("\\n"); break;
            case '\r': sb.Append("\\r"); break;
            case '\t': sb.Append("\\t"); break;
            case '\b': sb.Append("\\b"); break;
            case '\f': sb.Append("\\f"); break;
            default:
                // Control characters, and the Unicode ones a terminal or editor obeys (C1, line separators, bidi
                // overrides), are escaped: the value reads back the same, and printing it cannot drive a terminal.
                if (c < 0x20 || (ensureAscii ? c > 0x7f : IsInvisibleControl(c)))
                {
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c);
                }

                break;
        }
    }
}
