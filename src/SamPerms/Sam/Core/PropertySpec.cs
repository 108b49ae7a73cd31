using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>A check of a property value (the reference's validators: is_type, list_of, one_of, ...).</summary>
public delegate bool Validator(Node value);

/// <summary>
/// How a SAM resource property is checked before the transform: required or not, the validator, whether an
/// intrinsic function skips the check, and the type named in the message when the check fails.
/// </summary>
public sealed record PropertySpec(bool Required, Validator Validate, bool SupportsIntrinsics = true, ExpectedType? Expected = null)
{
    /// <summary>Any value, intrinsics not specially treated (the reference's PassThroughProperty).</summary>
    public static readonly PropertySpec PassThrough = new(false, V.Any, SupportsIntrinsics: false);

    public static PropertySpec Optional(Validator v) => new(false, v, true, V.ExpectedFor(v));

    public static PropertySpec Mandatory(Validator v) => new(true, v, true, V.ExpectedFor(v));

    /// <summary>The reference's Property: like PropertyType but an intrinsic is checked like any other value.</summary>
    public static PropertySpec Strict(Validator v, bool required = false) => new(required, v, false, V.ExpectedFor(v));
}

/// <summary>Validators with the reference's Python isinstance semantics (a bool is an int).</summary>
public static class V
{
    public static readonly Validator Any = _ => true;
    public static readonly Validator Dict = v => v is MapNode;
    public static readonly Validator Str = v => v is StringNode;
    public static readonly Validator Bool = v => v is BoolNode;
    public static readonly Validator List = v => v is SeqNode;
    public static readonly Validator Int = v => v is IntNode or BoolNode;

    public static Validator ListOf(Validator item) => v => v is SeqNode s && s.Items.All(i => item(i));

    public static Validator DictOf(Validator key, Validator item) => v => v is MapNode m && m.Entries.All(e => key(new StringNode(e.Key)) && item(e.Value));

    public static Validator OneOf(params Validator[] validators) => v => validators.Any(x => x(v));

    /// <summary>One of the given strings; the validator carries its values for the message.</summary>
    public static Validator StrEnum(params string[] values) => new StringEnum(values).Check;

    /// <summary>The type named in "Property 'X' should be a ..." messages; null means "Type of property 'X' is invalid."</summary>
    public static ExpectedType? ExpectedFor(Validator v)
    {
        if (v == Dict)
        {
            return ExpectedType.Map;
        }

        if (v == Str)
        {
            return ExpectedType.String;
        }

        if (v.Target is StringEnum { Values: var values })
        {
            var quoted = values.Select(x => $"'{x}'").ToArray();
            var description = values.Length switch
            {
                1 => $"the string '{values[0]}'",
                2 => $"one of the strings: '{values[0]}' or '{values[1]}'",
                _ => $"one of the strings: {string.Join(", ", quoted[..^1])}, or {quoted[^1]}",
            };
            return new ExpectedType(description);
        }

        return null;
    }

    private sealed class StringEnum(string[] values)
    {
        public string[] Values { get; } = values;

        public bool Check(Node value) => value is StringNode s && Values.Contains(s.Value);
    }
}
