using System.Globalization;
using SamPerms.Text;

namespace SamPerms.Model;

public sealed class StringNode(string value) : Node
{
    public string Value { get; } = value;

    /// <summary>
    /// A Python 2.7 unicode string (the reference's Py27UniStr): template text inside API-related parts once the
    /// reference converts them. It only changes how the value prints in a Python 2.7 str() (u'...').
    /// </summary>
    public bool Unicode { get; init; }

    /// <summary>A string of the same Python type as this one (Py27UniStr operations keep the type).</summary>
    public StringNode Derive(string text) => new(text) { Unicode = Unicode };
    public override NodeKind Kind => NodeKind.String;
    public override Node Clone() => this;
}

/// <summary>An integer. <see cref="Text"/> holds its canonical decimal digits so that huge values survive.</summary>
public sealed class IntNode : Node
{
    public IntNode(long value)
    {
        Value = value;
        Text = value.ToString(CultureInfo.InvariantCulture);
    }

    public IntNode(long value, string text)
    {
        Value = value;
        Text = text;
    }

    public long Value { get; }
    public string Text { get; }

    /// <summary>
    /// The reference's Py27LongInt: an int beyond Python 2's sys.maxint in an API template, whose repr (and str)
    /// ends in L. It only changes how the value prints in a Python 2.7 str().
    /// </summary>
    public bool Py27Long { get; init; }

    public override NodeKind Kind => NodeKind.Int;
    public override Node Clone() => this;
}

public sealed class FloatNode(double value) : Node
{
    public double Value { get; } = value;
    public override NodeKind Kind => NodeKind.Float;
    public override Node Clone() => this;

    /// <summary>The text Python's json.dumps gives for this float (repr, with nan/inf spelled as JSON extensions).</summary>
    public string PythonRepr => PyFloat.Repr(Value);
}

public sealed class BoolNode : Node
{
    public static readonly BoolNode True = new(true);
    public static readonly BoolNode False = new(false);

    private BoolNode(bool value) => Value = value;

    public bool Value { get; }
    public override NodeKind Kind => NodeKind.Bool;

    public override Node Clone() => this;

    public static BoolNode Of(bool value) => value ? True : False;

    public static BoolNode At(bool value, SourceSpan span) => new(value) { Span = span };
}

public sealed class NullNode : Node
{
    public static readonly NullNode Instance = new();
    public override NodeKind Kind => NodeKind.Null;
    public override Node Clone() => this;

    public static NullNode At(SourceSpan span) => new() { Span = span };
}

/// <summary>Python float repr, used where output or hashing must match the reference byte for byte.</summary>
public static class PyFloat
{
    public static string Repr(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value == Math.Floor(value) && Math.Abs(value) < 1e16)
        {
            return value.ToString("F1", CultureInfo.InvariantCulture);
        }

        var r = value.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E');
        if (e < 0)
        {
            return Math.Abs(value) >= 1e16 && !r.Contains('.', StringComparison.Ordinal) ? Scientific(r) : r;
        }

        // Python writes 1e+16 / 1.5e-07: lower-case e, signed, at least two exponent digits.
        var mantissa = r[..e];
        var exp = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        if (exp >= -4 && exp < 16)
        {
            return value.ToString("0.0################", CultureInfo.InvariantCulture);
        }

        return mantissa + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Python's repr of a whole number of 17 digits or more: 1e+16, 1.5e+17 (.NET's round-trip format may spell it
    /// out in full, which JSON and YAML readers would take for an integer).
    /// </summary>
    private static string Scientific(string digits)
    {
        var sign = digits.StartsWith('-') ? "-" : "";
        var d = digits.TrimStart('-');
        var rest = d[1..].TrimEnd('0');
        return sign + d[0] + (rest.Length > 0 ? "." + rest : "") + "e+" + (d.Length - 1).ToString("00", CultureInfo.InvariantCulture);
    }
}
