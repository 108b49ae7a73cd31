namespace SamPerms.Iam;

/// <summary>The kind of values a condition operator compares (IAM User Guide, "Condition operators").</summary>
public enum ConditionOperatorFamily
{
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    IpAddress,
    Arn,
    Null,
}

/// <summary>
/// A condition operator as IAM reads it: an optional set prefix (<c>ForAnyValue:</c>, <c>ForAllValues:</c>), a base
/// operator (<c>StringEquals</c>) and an optional <c>IfExists</c> suffix. Names compare case-insensitively here:
/// only names that no spelling of a documented operator matches are reported.
/// </summary>
public sealed record ConditionOperator(string? SetPrefix, string Base, bool IfExists, ConditionOperatorFamily Family)
{
    private static readonly Dictionary<string, ConditionOperatorFamily> Bases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["StringEquals"] = ConditionOperatorFamily.String,
        ["StringNotEquals"] = ConditionOperatorFamily.String,
        ["StringEqualsIgnoreCase"] = ConditionOperatorFamily.String,
        ["StringNotEqualsIgnoreCase"] = ConditionOperatorFamily.String,
        ["StringLike"] = ConditionOperatorFamily.String,
        ["StringNotLike"] = ConditionOperatorFamily.String,
        ["NumericEquals"] = ConditionOperatorFamily.Numeric,
        ["NumericNotEquals"] = ConditionOperatorFamily.Numeric,
        ["NumericLessThan"] = ConditionOperatorFamily.Numeric,
        ["NumericLessThanEquals"] = ConditionOperatorFamily.Numeric,
        ["NumericGreaterThan"] = ConditionOperatorFamily.Numeric,
        ["NumericGreaterThanEquals"] = ConditionOperatorFamily.Numeric,
        ["DateEquals"] = ConditionOperatorFamily.Date,
        ["DateNotEquals"] = ConditionOperatorFamily.Date,
        ["DateLessThan"] = ConditionOperatorFamily.Date,
        ["DateLessThanEquals"] = ConditionOperatorFamily.Date,
        ["DateGreaterThan"] = ConditionOperatorFamily.Date,
        ["DateGreaterThanEquals"] = ConditionOperatorFamily.Date,
        ["Bool"] = ConditionOperatorFamily.Bool,
        ["BinaryEquals"] = ConditionOperatorFamily.Binary,
        ["IpAddress"] = ConditionOperatorFamily.IpAddress,
        ["NotIpAddress"] = ConditionOperatorFamily.IpAddress,
        ["ArnEquals"] = ConditionOperatorFamily.Arn,
        ["ArnLike"] = ConditionOperatorFamily.Arn,
        ["ArnNotEquals"] = ConditionOperatorFamily.Arn,
        ["ArnNotLike"] = ConditionOperatorFamily.Arn,
        ["Null"] = ConditionOperatorFamily.Null,
    };

    private static readonly string[] SetPrefixes = ["ForAnyValue:", "ForAllValues:"];

    /// <summary>The documented base operators, for suggestions.</summary>
    public static IEnumerable<string> BaseNames => Bases.Keys;

    /// <summary>The operator a Condition entry names, or null when IAM knows no such operator.</summary>
    public static ConditionOperator? Parse(string name)
    {
        string? prefix = null;
        var rest = name;
        foreach (var p in SetPrefixes)
        {
            if (rest.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            {
                prefix = p;
                rest = rest[p.Length..];
                break;
            }
        }

        if (Bases.TryGetValue(rest, out var family))
        {
            return new ConditionOperator(prefix, rest, false, family);
        }

        const string suffix = "IfExists";
        if (rest.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && Bases.TryGetValue(rest[..^suffix.Length], out family))
        {
            return new ConditionOperator(prefix, rest[..^suffix.Length], true, family);
        }

        return null;
    }
}
