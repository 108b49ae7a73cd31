using System.Globalization;
using System.Text;

namespace SamPerms.Model;

/// <summary>
/// The few Python value semantics the reference relies on: truthiness, equality, str() and repr().
/// Porting SAM faithfully means asking the same questions of values that it asks.
/// </summary>
public static class Py
{
    /// <summary>Python truthiness: None, "", 0, 0.0, False, {} and [] are false.</summary>
    public static bool Truthy(Node? node) => node switch
    {
        null => false,
        NullNode => false,
        StringNode s => s.Value.Length > 0,
        BoolNode b => b.Value,
        IntNode i => i.Value != 0,
        FloatNode f => f.Value != 0,
        MapNode m => m.Count > 0,
        SeqNode q => q.Count > 0,
        _ => true,
    };

    /// <summary>None or absent.</summary>
    public static bool IsNone(Node? node) => node is null or NullNode;

    /// <summary>Python == between two JSON-like values (1 == 1.0 == True).</summary>
    public static bool Equal(Node? a, Node? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            return IsNone(a) && IsNone(b);
        }

        if (IsNumeric(a) && IsNumeric(b))
        {
            return Number(a) == Number(b);
        }

        switch (a)
        {
            case StringNode sa:
                return b is StringNode sb && sa.Value == sb.Value;
            case NullNode:
                return b is NullNode;
            case SeqNode qa:
                if (b is not SeqNode qb || qa.Count != qb.Count)
                {
                    return false;
                }

                for (int i = 0; i < qa.Count; i++)
                {
                    if (!Equal(qa[i], qb[i]))
                    {
                        return false;
                    }
                }

                return true;
            case MapNode ma:
                if (b is not MapNode mb || ma.Count != mb.Count)
                {
                    return false;
                }

                foreach (var e in ma.Entries)
                {
                    if (!mb.TryGet(e.Key, out var other) || !Equal(e.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    public static bool IsNumeric(Node n) => n is IntNode or FloatNode or BoolNode;

    /// <summary>
    /// A hash that agrees with <see cref="Equal"/>: values Python finds equal hash alike (1, 1.0 and True; None and
    /// an absent value; maps whatever their key order), so a list's items can be found by value through a table.
    /// </summary>
    public static int Hash(Node? node)
    {
        switch (node)
        {
            case null or NullNode:
                return 0x5f3759df;
            case IntNode or FloatNode or BoolNode:
                {
                    double d = Number(node);
                    return d == 0 ? 0 : d.GetHashCode(); // 0.0 == -0.0
                }
            case StringNode s:
                return string.GetHashCode(s.Value, StringComparison.Ordinal);
            case SeqNode q:
                var list = new HashCode();
                list.Add(q.Count);
                foreach (var item in q.Items)
                {
                    list.Add(Hash(item));
                }

                return list.ToHashCode();
            case MapNode m:
                int entries = m.Count; // order-free: a sum of one hash per entry
                foreach (var e in m.Entries)
                {
                    entries += HashCode.Combine(string.GetHashCode(e.Key, StringComparison.Ordinal), Hash(e.Value));
                }

                return entries;
            default:
                return System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(node); // equal only to itself
        }
    }

    private static double Number(Node n) => n switch
    {
        IntNode i => i.Value,
        FloatNode f => f.Value,
        BoolNode b => b.Value ? 1 : 0,
        _ => double.NaN,
    };

    /// <summary>
    /// What Python's for-loop (or list.extend) visits in a value: a list's items, a string's characters, a map's
    /// keys. Null when Python cannot iterate the value (None, numbers, booleans: a TypeError in the reference).
    /// </summary>
    public static IReadOnlyList<Node>? Iterate(Node? value) => value switch
    {
        SeqNode s => s.Items,
        // A unicode string's characters are plain str (Py27UniStr only survives operations it overrides).
        StringNode s => s.Value.EnumerateRunes().Select(r => (Node)new StringNode(r.ToString()) { Span = s.Span }).ToList(),
        MapNode m => m.Entries.Select(e => (Node)new StringNode(e.Key) { Unicode = e.KeyUnicode, Span = e.KeySpan }).ToList(),
        _ => null,
    };

    /// <summary>Python str(value).</summary>
    public static string Str(Node? node) => node switch
    {
        StringNode s => s.Value,
        _ => Repr(node),
    };

    /// <summary>Python repr(value) of a JSON-like value, as it appears inside SAM's error messages.</summary>
    public static string Repr(Node? node)
    {
        var sb = new StringBuilder();
        WriteRepr(sb, node);
        return sb.ToString();
    }

    /// <summary>
    /// Writes repr(value). <paramref name="appendString"/> writes a string given its text and whether it is a
    /// Python 2.7 unicode string (keys included); by default Python 3's repr.
    /// </summary>
    public static void WriteRepr(StringBuilder sb, Node? node, Action<StringBuilder, string, bool>? appendString = null)
    {
        switch (node)
        {
            case null or NullNode:
                sb.Append("None");
                break;
            case StringNode s:
                AppendString(sb, s.Value, s.Unicode, appendString);
                break;
            case BoolNode b:
                sb.Append(b.Value ? "True" : "False");
                break;
            case IntNode i:
                // A long int the reference converted for Python 2.7 (only in templates with APIs) prints with L.
                sb.Append(i.Text).Append(i.Py27Long ? "L" : "");
                break;
            case FloatNode f:
                sb.Append(f.Value switch
                {
                    double.PositiveInfinity => "inf",
                    double.NegativeInfinity => "-inf",
                    _ when double.IsNaN(f.Value) => "nan",
                    _ => PyFloat.Repr(f.Value),
                });
                break;
            case SeqNode q:
                sb.Append('[');
                for (int i = 0; i < q.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    WriteRepr(sb, q[i], appendString);
                }

                sb.Append(']');
                break;
            case MapNode m:
                sb.Append('{');
                bool first = true;
                foreach (var e in m.Entries)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    AppendString(sb, e.Key, e.KeyUnicode, appendString);
                    sb.Append(": ");
                    WriteRepr(sb, e.Value, appendString);
                }

                sb.Append('}');
                break;
        }
    }

    private static void AppendString(StringBuilder sb, string text, bool unicode, Action<StringBuilder, string, bool>? appendString)
    {
        if (appendString is null)
        {
            AppendReprString(sb, text);
        }
        else
        {
            appendString(sb, text, unicode);
        }
    }

    /// <summary>Python repr of a str: single quotes unless the text holds a single quote and no double quote.</summary>
    public static string ReprString(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        AppendReprString(sb, s);
        return sb.ToString();
    }

    /// <summary>
    /// True when repr() writes the text as it is between single quotes: printable ASCII without a quote or a
    /// backslash (most keys and values of a template; those need no escaping pass).
    /// </summary>
    public static bool ReprsAsItself(string s) =>
        s.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0 && s.AsSpan().IndexOfAny('\\', '\'', '"') < 0;

    /// <summary><see cref="ReprString"/> appended to <paramref name="sb"/>.</summary>
    public static void AppendReprString(StringBuilder sb, string s)
    {
        if (ReprsAsItself(s))
        {
            sb.Append('\'').Append(s).Append('\'');
            return;
        }

        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (c < 0x20 || c == 0x7f)
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append(quote);
    }

    /// <summary>
    /// str.isalnum() of one character (a code point): a letter or a number. SAM builds logical ids from names that
    /// pass it; one that passes with a character outside [A-Za-z0-9] then fails the logical id check, as in the reference.
    /// </summary>
    public static bool IsAlnum(Rune c) => Rune.IsLetter(c) || Rune.IsNumber(c);

    /// <summary>str.isalnum(): not empty, and every character a letter or a number.</summary>
    public static bool IsAlnum(string s)
    {
        foreach (var c in s.EnumerateRunes())
        {
            if (!IsAlnum(c))
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    /// <summary>"".join(c for c in s if c.isalnum()): the letters and numbers of a name.</summary>
    public static string AlnumOnly(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.EnumerateRunes())
        {
            if (IsAlnum(c))
            {
                sb.Append(c.ToString());
            }
        }

        return sb.ToString();
    }

    /// <summary>str.capitalize(): the first character upper case, the rest lower case.</summary>
    public static string Capitalize(string s) =>
        s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();

    /// <summary>Python's type name of a value, for messages that print it.</summary>
    public static string TypeName(Node? node) => node switch
    {
        null or NullNode => "NoneType",
        StringNode => "str",
        BoolNode => "bool",
        IntNode => "int",
        FloatNode => "float",
        SeqNode => "list",
        MapNode => "dict",
        _ => "object",
    };
}
