using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Iam;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>
/// Condition operators: a name IAM does not have (the deploy fails), and an operator whose kind of values does not
/// fit the documented type of its key (StringEquals on aws:SourceIp).
/// </summary>
public sealed class ConditionOperatorRule : IValidationRule
{
    private static readonly Lazy<List<string>> Spellings = new(() =>
        ConditionOperator.BaseNames.SelectMany(b => new[] { b, b + "IfExists" })
            .SelectMany(b => new[] { b, "ForAnyValue:" + b, "ForAllValues:" + b }).ToList());

    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } =
        [DiagnosticCatalog.UnknownConditionOperatorDescriptor, DiagnosticCatalog.ConditionOperatorTypeDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var entry in ConditionEntries.All(context))
        {
            var op = ConditionOperator.Parse(entry.Operator);
            if (entry.Key is null)
            {
                if (op is null)
                {
                    var hint = Suggest.DidYouMean(entry.Operator, Spellings.Value, 2);
                    findings.Add(ConditionEntries.Make(context, DiagnosticCatalog.UnknownConditionOperatorDescriptor, entry,
                        $"condition operator '{entry.Operator}' does not exist: IAM rejects the policy{hint}"));
                }

                continue;
            }

            if (op is null || op.Family == ConditionOperatorFamily.Null || KeyType(entry.Key) is not { } type || Fits(op.Family, type))
            {
                continue;
            }

            findings.Add(ConditionEntries.Make(context, DiagnosticCatalog.ConditionOperatorTypeDescriptor, entry,
                $"operator '{entry.Operator}' compares {Describe(op.Family)}, but condition key '{entry.Key}' holds {Describe(type)}: use {Operators(type)}"));
        }
    }

    /// <summary>The documented type of a key, when every documentation of it agrees on one.</summary>
    private static ConditionKeyType? KeyType(string key)
    {
        var found = IamConditionKeys.Find(key);
        if (found.Count == 0 || found.Any(k => k.Type == ConditionKeyType.Any))
        {
            return null;
        }

        var type = found[0].Type;
        return found.All(k => k.Type == type) ? type : null;
    }

    /// <summary>
    /// Can the operator family compare values of the key's type? String operators compare any text except IP ranges;
    /// Arn operators also compare strings that hold ARNs (kms:EncryptionContext:aws:logs:arn, as the CloudWatch
    /// Logs guide writes it). The other families need their own type.
    /// </summary>
    private static bool Fits(ConditionOperatorFamily family, ConditionKeyType type) => family switch
    {
        ConditionOperatorFamily.String => type != ConditionKeyType.IpAddress,
        ConditionOperatorFamily.Arn => type is ConditionKeyType.Arn or ConditionKeyType.String,
        ConditionOperatorFamily.Numeric => type == ConditionKeyType.Numeric,
        ConditionOperatorFamily.Date => type == ConditionKeyType.Date,
        ConditionOperatorFamily.Bool => type == ConditionKeyType.Bool,
        ConditionOperatorFamily.Binary => type == ConditionKeyType.Binary,
        ConditionOperatorFamily.IpAddress => type == ConditionKeyType.IpAddress,
        _ => true,
    };

    private static string Describe(ConditionOperatorFamily family) => family switch
    {
        ConditionOperatorFamily.String => "strings",
        ConditionOperatorFamily.Numeric => "numbers",
        ConditionOperatorFamily.Date => "dates",
        ConditionOperatorFamily.Bool => "booleans",
        ConditionOperatorFamily.Binary => "binary values",
        ConditionOperatorFamily.IpAddress => "IP addresses",
        _ => "ARNs",
    };

    private static string Describe(ConditionKeyType type) => type switch
    {
        ConditionKeyType.String => "a string",
        ConditionKeyType.Arn => "an ARN",
        ConditionKeyType.Numeric => "a number",
        ConditionKeyType.Date => "a date",
        ConditionKeyType.Bool => "a boolean",
        ConditionKeyType.IpAddress => "an IP address",
        _ => "binary data",
    };

    private static string Operators(ConditionKeyType type) => type switch
    {
        ConditionKeyType.String => "a String operator (StringEquals, StringLike, ...)",
        ConditionKeyType.Arn => "an Arn operator (ArnEquals, ArnLike, ...) or a String operator",
        ConditionKeyType.Numeric => "a Numeric operator (NumericEquals, NumericLessThan, ...)",
        ConditionKeyType.Date => "a Date operator (DateGreaterThan, DateLessThan, ...)",
        ConditionKeyType.Bool => "Bool",
        ConditionKeyType.IpAddress => "IpAddress or NotIpAddress",
        _ => "BinaryEquals",
    };
}
