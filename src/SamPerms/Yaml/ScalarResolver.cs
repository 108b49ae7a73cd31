using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Text;

namespace SamPerms.Yaml;

/// <summary>
/// Types plain scalars as the reference's YAML 1.1 loader (PyYAML SafeLoader) does: yes/no/on/off are booleans,
/// 0777 is octal, 1_000 is an int, "1.5" is a float but "1e5" stays a string. Timestamps stay strings, as
/// CloudFormation reads them (the reference cannot serialise them at all).
/// </summary>
public static partial class ScalarResolver
{
    public static Node ResolvePlain(string text, SourceSpan span)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return NullNode.At(span);
            case "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return BoolNode.At(true, span);
            case "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return BoolNode.At(false, span);
        }

        char c0 = text[0];
        if (!(char.IsAsciiDigit(c0) || c0 is '-' or '+' or '.'))
        {
            return new StringNode(text) { Span = span };
        }

        if (IntRegex().IsMatch(text) && TryParseYamlInt(text, out var node))
        {
            node.Span = span;
            return node;
        }

        if (FloatRegex().IsMatch(text))
        {
            return new FloatNode(ParseYamlFloat(text)) { Span = span };
        }

        return new StringNode(text) { Span = span };
    }

    /// <summary>JSON typing for plain values in JSON templates.</summary>
    public static Node ResolveJson(string text, SourceSpan span)
    {
        switch (text)
        {
            case "null": return NullNode.At(span);
            case "true": return BoolNode.At(true, span);
            case "false": return BoolNode.At(false, span);
        }

        if (JsonIntRegex().IsMatch(text))
        {
            return MakeInt(BigInteger.Parse(text, CultureInfo.InvariantCulture), span);
        }

        return new FloatNode(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)) { Span = span };
    }

    private static bool TryParseYamlInt(string text, out Node node)
    {
        var s = text.Replace("_", string.Empty, StringComparison.Ordinal);
        int sign = 1;
        if (s.StartsWith('-'))
        {
            sign = -1;
            s = s[1..];
        }
        else if (s.StartsWith('+'))
        {
            s = s[1..];
        }

        BigInteger value;
        if (s == "0")
        {
            value = 0;
        }
        else if (s.StartsWith("0b", StringComparison.Ordinal))
        {
            value = 0;
            foreach (var ch in s[2..])
            {
                value = (value * 2) + (ch - '0');
            }
        }
        else if (s.StartsWith("0x", StringComparison.Ordinal))
        {
            value = BigInteger.Parse("0" + s[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        else if (s.StartsWith('0'))
        {
            value = 0;
            foreach (var ch in s[1..])
            {
                value = (value * 8) + (ch - '0');
            }
        }
        else if (s.Contains(':', StringComparison.Ordinal))
        {
            value = 0;
            foreach (var part in s.Split(':'))
            {
                value = (value * 60) + BigInteger.Parse(part, CultureInfo.InvariantCulture);
            }
        }
        else
        {
            value = BigInteger.Parse(s, CultureInfo.InvariantCulture);
        }

        node = MakeInt(sign * value, SourceSpan.None);
        return true;
    }

    private static Node MakeInt(BigInteger value, SourceSpan span)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        long l = value >= long.MinValue && value <= long.MaxValue ? (long)value : (value.Sign < 0 ? long.MinValue : long.MaxValue);
        return new IntNode(l, text) { Span = span };
    }

    private static double ParseYamlFloat(string text)
    {
        var s = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var lower = s.ToLowerInvariant();
        if (lower.EndsWith(".inf", StringComparison.Ordinal))
        {
            return lower.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (lower == ".nan")
        {
            return double.NaN;
        }

        if (s.Contains(':', StringComparison.Ordinal))
        {
            int sign = 1;
            if (s[0] is '-' or '+')
            {
                sign = s[0] == '-' ? -1 : 1;
                s = s[1..];
            }

            double value = 0;
            foreach (var part in s.Split(':'))
            {
                value = (value * 60) + double.Parse(part, NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            return sign * value;
        }

        return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")]
    private static partial Regex IntRegex();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatRegex();

    [GeneratedRegex(@"^-?(?:0|[1-9][0-9]*)$")]
    private static partial Regex JsonIntRegex();
}
