using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using SamPerms.Model;

namespace SamPerms.Sam.Function;

/// <summary>
/// The few pydantic (v1) field rules the reference's schema models apply when it parses a property with them:
/// lenient coercion (3 → "3" for a string, "3" → 3 for an integer, a list of pairs → a dict), unions tried member by
/// member with every member's error kept, and the ValidationError text ("2 validation errors for Model\nField\n
/// msg (type=...)") that the reference puts into its messages.
/// </summary>
public static partial class PydanticV1Coercion
{
    public enum Kind
    {
        Dict,
        Str,
        Int,
        Float,
    }

    public sealed record Error(string Loc, string Message, string Type);

    /// <summary>One field of a model: its name, the union of kinds it accepts (in order), and whether it may be absent/None.</summary>
    public sealed record Field(string Name, Kind[] Union, bool Required);

    /// <summary>
    /// Validates a map against the fields (extra keys forbidden) and returns the coerced values by field name
    /// (null for absent optional fields); on failure, returns the errors in pydantic's order.
    /// </summary>
    public static (Dictionary<string, Node?> Values, List<Error> Errors) ParseObject(MapNode input, IReadOnlyList<Field> fields)
    {
        var values = new Dictionary<string, Node?>(StringComparer.Ordinal);
        var errors = new List<Error>();
        foreach (var field in fields)
        {
            if (!input.TryGet(field.Name, out var raw))
            {
                if (field.Required)
                {
                    errors.Add(new Error(field.Name, "field required", "value_error.missing"));
                }

                values[field.Name] = null;
                continue;
            }

            if (raw is NullNode)
            {
                if (field.Required)
                {
                    errors.Add(new Error(field.Name, "none is not an allowed value", "type_error.none.not_allowed"));
                }

                values[field.Name] = null;
                continue;
            }

            values[field.Name] = CoerceUnion(raw, field.Name, field.Union, errors);
        }

        // Extra keys are reported after the fields, sorted by name.
        var known = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in input.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(new Error(key, "extra fields not permitted", "value_error.extra"));
        }

        return (values, errors);
    }

    /// <summary>str(ValidationError) in pydantic v1.</summary>
    public static string Format(string modelName, IReadOnlyList<Error> errors)
    {
        var header = $"{errors.Count} validation error{(errors.Count == 1 ? "" : "s")} for {modelName}";
        return header + string.Concat(errors.Select(e => $"\n{e.Loc}\n  {e.Message} (type={e.Type})"));
    }

    /// <summary>The first member that accepts the value wins; if none does, every member's errors are reported.</summary>
    public static Node? CoerceUnion(Node value, string loc, Kind[] union, List<Error> errors)
    {
        var memberErrors = new List<Error>();
        foreach (var kind in union)
        {
            var attempt = new List<Error>();
            var result = Coerce(value, loc, kind, attempt);
            if (attempt.Count == 0)
            {
                return result;
            }

            memberErrors.AddRange(attempt);
        }

        errors.AddRange(memberErrors);
        return null;
    }

    private static Node? Coerce(Node value, string loc, Kind kind, List<Error> errors)
    {
        switch (kind)
        {
            case Kind.Dict:
                return ToDict(value, loc, errors);
            case Kind.Str:
                if (ToStr(value) is { } s)
                {
                    return s;
                }

                errors.Add(new Error(loc, "str type expected", "type_error.str"));
                return null;
            case Kind.Int:
                if (ToInt(value) is { } i)
                {
                    return i;
                }

                errors.Add(new Error(loc, "value is not a valid integer", "type_error.integer"));
                return null;
            default:
                if (ToFloat(value) is { } f)
                {
                    return f;
                }

                errors.Add(new Error(loc, "value is not a valid float", "type_error.float"));
                return null;
        }
    }

    /// <summary>dict[str, Any]: a dict as is, else what Python's dict(value) makes of it, with keys made strings.</summary>
    private static MapNode? ToDict(Node value, string loc, List<Error> errors)
    {
        var pairs = DictPairs(value);
        if (pairs is null)
        {
            errors.Add(new Error(loc, "value is not a valid dict", "type_error.dict"));
            return null;
        }

        var result = new MapNode();
        foreach (var (key, v) in pairs)
        {
            if (key is NullNode)
            {
                errors.Add(new Error(loc + " -> __key__", "none is not an allowed value", "type_error.none.not_allowed"));
                continue;
            }

            result.Set(ToStr(key)!.Value, v);
        }

        return errors.Count == 0 ? result : null;
    }

    /// <summary>The key/value pairs dict(value) would read, or null where dict() raises.</summary>
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
                    var pair = PairOf(item);
                    if (pair is null)
                    {
                        return null;
                    }

                    pairs.Add(pair.Value);
                }

                return pairs;
            default:
                return null;
        }
    }

    /// <summary>An item of dict()'s argument must iterate to exactly two hashable values.</summary>
    private static (Node, Node)? PairOf(Node item)
    {
        (Node, Node)? pair = item switch
        {
            SeqNode { Count: 2 } s => (s[0], s[1]),
            StringNode { Value.Length: 2 } s => (new StringNode(s.Value[..1]), new StringNode(s.Value[1..])),
            MapNode { Count: 2 } m => (new StringNode(m.Entries[0].Key), new StringNode(m.Entries[1].Key)),
            _ => null,
        };
        return pair is { Item1: not (SeqNode or MapNode) } ? pair : null;
    }

    /// <summary>str: strings as they are; numbers (and booleans, which Python counts as ints) as str() prints them.</summary>
    private static StringNode? ToStr(Node value) => value switch
    {
        StringNode s => s,
        IntNode i => new StringNode(i.Text),
        BoolNode b => new StringNode(b.Value ? "True" : "False"),
        FloatNode f => new StringNode(Py.Repr(f)),
        _ => null,
    };

    /// <summary>int: ints as they are; what Python's int() accepts otherwise (booleans, truncated floats, numeric text).</summary>
    private static IntNode? ToInt(Node value)
    {
        switch (value)
        {
            case IntNode i:
                return i;
            case BoolNode b:
                return new IntNode(b.Value ? 1 : 0);
            case FloatNode f when double.IsFinite(f.Value):
                return FromBig(new BigInteger(Math.Truncate(f.Value)));
            case StringNode s when s.Value.Length <= 4300:
                var text = s.Value.Trim();
                if (!IntText().IsMatch(text))
                {
                    return null;
                }

                return FromBig(BigInteger.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            default:
                return null;
        }
    }

    private static IntNode FromBig(BigInteger n) =>
        new(n >= long.MinValue && n <= long.MaxValue ? (long)n : 0, n.ToString(CultureInfo.InvariantCulture));

    /// <summary>float: floats as they are; what Python's float() accepts otherwise.</summary>
    private static FloatNode? ToFloat(Node value)
    {
        switch (value)
        {
            case FloatNode f:
                return f;
            case IntNode i:
                return new FloatNode(double.Parse(i.Text, CultureInfo.InvariantCulture));
            case BoolNode b:
                return new FloatNode(b.Value ? 1 : 0);
            case StringNode s:
                var text = s.Value.Trim();
                var special = SpecialFloat().Match(text);
                if (special.Success)
                {
                    var negative = text.StartsWith('-');
                    return new FloatNode(special.Groups[1].Value.StartsWith("n", StringComparison.OrdinalIgnoreCase)
                        ? double.NaN
                        : negative ? double.NegativeInfinity : double.PositiveInfinity);
                }

                if (!FloatText().IsMatch(text))
                {
                    return null;
                }

                return new FloatNode(double.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture));
            default:
                return null;
        }
    }

    // Python int() text: optional sign, decimal digits with single underscores between them.
    [GeneratedRegex(@"^[+-]?[0-9](?:_?[0-9])*$")]
    private static partial Regex IntText();

    // Python float() text: decimal literal with optional fraction and exponent, underscores only between digits.
    [GeneratedRegex(@"^[+-]?(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?$")]
    private static partial Regex FloatText();

    [GeneratedRegex(@"^[+-]?(inf|infinity|nan)$", RegexOptions.IgnoreCase)]
    private static partial Regex SpecialFloat();
}
