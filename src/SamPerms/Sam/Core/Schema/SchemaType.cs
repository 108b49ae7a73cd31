using System.Globalization;
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

    /// <summary>Python's dict(value) for a non-dict: an iterable of key/value pairs, else null.</summary>
    internal static MapNode? AsDict(Node value)
    {
        if (value is MapNode m)
        {
            return m;
        }

        // dict("") is {}: an empty string is an empty iterable (any other string fails: its items are not pairs).
        if (value is StringNode { Value.Length: 0 })
        {
            return new MapNode { Span = value.Span };
        }

        if (value is not SeqNode s)
        {
            return null;
        }

        var result = new MapNode();
        foreach (var item in s.Items)
        {
            Node[]? pair = item switch
            {
                SeqNode { Count: 2 } p => [p[0], p[1]],
                StringNode { Value.Length: 2 } str => [new StringNode(str.Value[..1]), new StringNode(str.Value[1..])],
                MapNode { Count: 2 } pm => [new StringNode(pm.Entries[0].Key), new StringNode(pm.Entries[1].Key)],
                _ => null,
            };
            if (pair is null || pair[0] is MapNode or SeqNode || Str.Validate(pair[0], [], []) is not StringNode key)
            {
                return null;
            }

            result.Set(key.Value, pair[1]);
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
            FloatNode f => new StringNode(f.PythonRepr) { Span = value.Span },
            _ => Fail(loc, errors, "str type expected", "type_error.str"),
        };
    }

    private sealed partial class IntType : SchemaType
    {
        public override Node? Validate(Node value, string[] loc, List<SchemaError> errors)
        {
            switch (value)
            {
                case IntNode:
                    return value;
                case BoolNode b:
                    return new IntNode(b.Value ? 1 : 0) { Span = value.Span };
                case FloatNode f when double.IsFinite(f.Value) && Math.Abs(f.Value) < 9.2e18:
                    return new IntNode((long)Math.Truncate(f.Value)) { Span = value.Span };
                case StringNode s when IntText().IsMatch(s.Value)
                    && long.TryParse(s.Value.Trim().Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                    return new IntNode(n) { Span = value.Span };
                default:
                    return Fail(loc, errors, "value is not a valid integer", "type_error.integer");
            }
        }

        [GeneratedRegex(@"^\s*[+-]?\d+(_\d+)*\s*$")]
        private static partial Regex IntText();
    }

    private sealed class FloatType : SchemaType
    {
        public override Node? Validate(Node value, string[] loc, List<SchemaError> errors)
        {
            switch (value)
            {
                case FloatNode:
                    return value;
                case IntNode i:
                    return new FloatNode(i.Value) { Span = value.Span };
                case BoolNode b:
                    return new FloatNode(b.Value ? 1 : 0) { Span = value.Span };
                case StringNode s when ParseFloat(s.Value) is { } d:
                    return new FloatNode(d) { Span = value.Span };
                default:
                    return Fail(loc, errors, "value is not a valid float", "type_error.float");
            }
        }

        private static double? ParseFloat(string text)
        {
            var t = text.Trim().Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
            return t switch
            {
                "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
                "-inf" or "-infinity" => double.NegativeInfinity,
                "nan" or "+nan" or "-nan" => double.NaN,
                _ => t.Length > 0 && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            };
        }
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
            if (AsDict(value) is not { } map)
            {
                return Fail(loc, errors, "value is not a valid dict", "type_error.dict");
            }

            var result = new MapNode { Span = value.Span };
            bool ok = true;
            foreach (var e in map.Entries)
            {
                var v = Item(values, e.Value, At(loc, e.Key), errors);
                if (v is null)
                {
                    ok = false;
                    continue;
                }

                result.Set(e.Key, v);
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
