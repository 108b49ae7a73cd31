using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using SamPerms.Model;

namespace SamPerms.Sam.Core.Schema;

/// <summary>
/// A value type of the reference's pydantic (v1) property models, checked with pydantic's rules: values are
/// coerced where pydantic coerces them ("10" is a valid integer, 75 a valid float, 5 a valid string), and every
/// failure is reported with its key path. <see cref="Validate"/> returns the coerced value, or null after adding
/// errors.
/// </summary>
public abstract partial class SchemaType
{
    public abstract Node? Validate(Node value, string[] loc, List<SchemaError> errors);

    public static readonly SchemaType Any = new AnyType();
    public static readonly SchemaType Str = new StrType();
    public static readonly SchemaType Int = new IntType();
    public static readonly SchemaType Float = new FloatType();
    public static readonly SchemaType Bool = new BoolType();

    /// <summary>dict[str, T]; dict[str, Any] when no value type is given.</summary>
    public static SchemaType Dict(SchemaType? values = null) => new DictType(values ?? Any);

    public static SchemaType List(SchemaType items) => new ListType(items);

    public static SchemaType Literal(params string[] values) => new LiteralType(values);

    /// <summary>Union[...]: the first member that accepts the value wins; else the errors of all members.</summary>
    public static SchemaType Union(params SchemaType[] members) => new UnionType(members);

    /// <summary>The reference's SamIntrinsicable[T]: an intrinsic (any map) or T.</summary>
    public static SchemaType Intrinsicable(SchemaType type) => Union(Dict(), type);

    protected static string[] At(string[] loc, string key) => [.. loc, key];

    protected static Node? Fail(string[] loc, List<SchemaError> errors, string message, string kind)
    {
        errors.Add(new SchemaError(loc, message, kind));
        return null;
    }

    /// <summary>
    /// What Python's dict(value) reads: a dict's entries, the pairs of a list of two-item iterables, nothing for
    /// an empty string; null where dict() raises (other values, items that are not pairs, unhashable keys).
    /// </summary>
    private static List<(Node Key, Node Value)>? DictPairs(Node value)
    {
        switch (value)
        {
            case MapNode m:
                return m.Entries.Select(e => ((Node)new StringNode(e.Key), e.Value)).ToList();
            case StringNode s:
                // Iterating a string yields one-character strings, never pairs: only "" makes a dict.
                return s.Value.Length == 0 ? [] : null;
            case SeqNode list:
                var pairs = new List<(Node, Node)>();
                foreach (var item in list.Items)
                {
                    (Node Key, Node Value)? pair = item switch
                    {
                        SeqNode { Count: 2 } p => (p[0], p[1]),
                        StringNode { Value.Length: 2 } str => (new StringNode(str.Value[..1]), new StringNode(str.Value[1..])),
                        MapNode { Count: 2 } pm => (new StringNode(pm.Entries[0].Key), new StringNode(pm.Entries[1].Key)),
                        _ => null,
                    };
                    if (pair is not { Key: not (SeqNode or MapNode) } p2)
                    {
                        return null;
                    }

                    pairs.Add(p2);
                }

                return pairs;
            default:
                return null;
        }
    }

    /// <summary>A model's input: dict(value) with its keys as strings; null when that fails.</summary>
    private protected static MapNode? AsDict(Node value)
    {
        if (value is MapNode m)
        {
            return m;
        }

        if (DictPairs(value) is not { } pairs)
        {
            return null;
        }

        var result = new MapNode();
        foreach (var (key, v) in pairs)
        {
            if (Str.Validate(key, [], []) is not StringNode k)
            {
                return null;
            }

            result.Set(k.Value, v);
        }

        return result;
    }

    /// <summary>A dict value or list item: null only where the type is Any.</summary>
    private static Node? Item(SchemaType type, Node value, string[] loc, List<SchemaError> errors)
    {
        if (value is NullNode && type is not AnyType)
        {
            errors.Add(SchemaError.NoneNotAllowed(loc));
            return null;
        }

        return type.Validate(value, loc, errors);
    }

    private sealed class AnyType : SchemaType
    {
        public override Node? Validate(Node value, string[] loc, List<SchemaError> errors) => value;
    }

    private sealed class StrType : SchemaType
    {
        public override Node? Validate(Node value, string[] loc, List<SchemaError> errors) => value switch
        {
            StringNode => value,
            IntNode i => new StringNode(i.Text) { Span = value.Span },
            BoolNode b => new StringNode(b.Value ? "True" : "False") { Span = value.Span },
            FloatNode f => new StringNode(Py.Repr(f)) { Span = value.Span },
            _ => Fail(loc, errors, "str type expected", "type_error.str"),
        };
    }

    /// <summary>int: ints as they are; what Python's int() accepts otherwise (booleans, truncated floats, numeric text).</summary>
    private sealed partial class IntType : SchemaType
    {
        /// <summary>Python refuses to convert longer digit strings (sys.get_int_max_str_digits), and so does pydantic.</summary>
        private const int MaxDigits = 4300;

        public override Node? Validate(Node value, string[] loc, List<SchemaError> errors)
        {
            switch (value)
            {
                case IntNode:
                    return value;
                case BoolNode b:
                    return new IntNode(b.Value ? 1 : 0) { Span = value.Span };
                case FloatNode f when double.IsFinite(f.Value):
                    return FromBig(new BigInteger(Math.Truncate(f.Value)), value);
                case StringNode s when s.Value.Length <= MaxDigits && IntText().IsMatch(s.Value.Trim()):
                    var text = s.Value.Trim().Replace("_", "", StringComparison.Ordinal);
                    return FromBig(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), value);
                default:
                    return Fail(loc, errors, "value is not a valid integer", "type_error.integer");
            }
        }

        /// <summary>Python ints have no size limit: the text keeps the exact value.</summary>
        private static IntNode FromBig(BigInteger n, Node from) =>
            new(n >= long.MinValue && n <= long.MaxValue ? (long)n : 0, n.ToString(CultureInfo.InvariantCulture)) { Span = from.Span };

        // Python int() text: optional sign, decimal digits with single underscores between them.
        [GeneratedRegex(@"^[+-]?[0-9](?:_?[0-9])*$")]
        private static partial Regex IntText();
    }

    /// <summary>float: floats as they are; what Python's float() accepts otherwise.</summary>
    private sealed partial class FloatType : SchemaType
    {
        public override Node? Validate(Node value, string[] loc, List<SchemaError> errors)
        {
            switch (value)
            {
                case FloatNode:
                    return value;
                case IntNode i:
                    return new FloatNode(double.Parse(i.Text, CultureInfo.InvariantCulture)) { Span = value.Span };
                case BoolNode b:
                    return new FloatNode(b.Value ? 1 : 0) { Span = value.Span };
                case StringNode s when ParseFloat(s.Value.Trim()) is { } d:
                    return new FloatNode(d) { Span = value.Span };
                default:
                    return Fail(loc, errors, "value is not a valid float", "type_error.float");
            }
        }

        private static double? ParseFloat(string text)
        {
            var special = SpecialFloat().Match(text);
            if (special.Success)
            {
                return special.Groups[1].Value.StartsWith('n') || special.Groups[1].Value.StartsWith('N') ? double.NaN
                    : text.StartsWith('-') ? double.NegativeInfinity
                    : double.PositiveInfinity;
            }

            return FloatText().IsMatch(text)
                ? double.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture)
                : null;
        }

        // Python float() text: decimal literal with optional fraction and exponent, underscores only between digits.
        [GeneratedRegex(@"^[+-]?(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?$")]
        private static partial Regex FloatText();

        [GeneratedRegex(@"^[+-]?(inf|infinity|nan)$", RegexOptions.IgnoreCase)]
        private static partial Regex SpecialFloat();
    }

    private sealed class BoolType : SchemaType
    {
        private static readonly HashSet<string> TrueText = ["1", "on", "t", "true", "y", "yes"];
        private static readonly HashSet<string> FalseText = ["0", "off", "f", "false", "n", "no"];

        public override Node? Validate(Node value, string[] loc, List<SchemaError> errors)
        {
            switch (value)
            {
                case BoolNode:
                    return value;
                case IntNode { Value: 0 or 1 } i:
                    return BoolNode.Of(i.Value == 1);
                case StringNode s when TrueText.Contains(s.Value.ToLowerInvariant()):
                    return BoolNode.True;
                case StringNode s when FalseText.Contains(s.Value.ToLowerInvariant()):
                    return BoolNode.False;
                default:
                    return Fail(loc, errors, "value could not be parsed to a boolean", "type_error.bool");
            }
        }
    }

    private sealed class DictType(SchemaType values) : SchemaType
    {
        public override Node? Validate(Node value, string[] loc, List<SchemaError> errors)
        {
            if (DictPairs(value) is not { } pairs)
            {
                return Fail(loc, errors, "value is not a valid dict", "type_error.dict");
            }

            var result = new MapNode { Span = value.Span };
            bool ok = true;
            foreach (var (key, v) in pairs)
            {
                // Keys are validated as str (so None is refused at "__key__"), then the value under the key.
                if (Item(Str, key, At(loc, "__key__"), errors) is not StringNode k)
                {
                    ok = false;
                    continue;
                }

                if (Item(values, v, At(loc, k.Value), errors) is not { } item)
                {
                    ok = false;
                    continue;
                }

                result.Set(k.Value, item);
            }

            return ok ? result : null;
        }
    }

    private sealed class ListType(SchemaType items) : SchemaType
    {
        public override Node? Validate(Node value, string[] loc, List<SchemaError> errors)
        {
            if (value is not SeqNode s)
            {
                return Fail(loc, errors, "value is not a valid list", "type_error.list");
            }

            var result = new SeqNode { Span = value.Span };
            bool ok = true;
            for (int i = 0; i < s.Count; i++)
            {
                var v = Item(items, s[i], At(loc, i.ToString(CultureInfo.InvariantCulture)), errors);
                if (v is null)
                {
                    ok = false;
                    continue;
                }

                result.Add(v);
            }

            return ok ? result : null;
        }
    }

    private sealed class LiteralType(string[] values) : SchemaType
    {
        public override Node? Validate(Node value, string[] loc, List<SchemaError> errors)
        {
            if (value is StringNode s && values.Contains(s.Value))
            {
                return value;
            }

            var permitted = string.Join(", ", values.Select(v => $"'{v}'"));
            return Fail(loc, errors, $"unexpected value; permitted: {permitted}", "value_error.const");
        }
    }

    private sealed class UnionType(SchemaType[] members) : SchemaType
    {
        public override Node? Validate(Node value, string[] loc, List<SchemaError> errors)
        {
            var memberErrors = new List<SchemaError>();
            foreach (var member in members)
            {
                if (member.Validate(value, loc, memberErrors) is { } v)
                {
                    return v;
                }
            }

            errors.AddRange(memberErrors);
            return null;
        }
    }
}
