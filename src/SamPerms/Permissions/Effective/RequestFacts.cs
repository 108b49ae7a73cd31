using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>What a resource policy's Condition says about a request a function's code makes with the AWS SDK.</summary>
public enum ConditionOutcome
{
    /// <summary>Every condition holds for such a request: the statement applies as if unconditional.</summary>
    Holds,

    /// <summary>Some condition never holds for such a request: the statement does not apply.</summary>
    NeverHolds,

    /// <summary>It depends on what is known only at run time.</summary>
    Unknown,
}

/// <summary>
/// The condition keys whose value is known for every request a function or service makes through the AWS SDK: the
/// SDKs call AWS over HTTPS, so aws:SecureTransport is "true" (the usual "deny insecure transport" statement of a
/// bucket or queue policy never applies to them). Any other key is decided at run time.
/// </summary>
public static class RequestFacts
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aws:SecureTransport"] = "true",
    };

    public static ConditionOutcome Of(Statement st, StaticValues values)
    {
        if (st.Conditional is not null)
        {
            return ConditionOutcome.Unknown;
        }

        if (st.Condition is null)
        {
            return ConditionOutcome.Holds;
        }

        if (st.Condition is not MapNode operators || Intrinsics.IsIntrinsic(operators))
        {
            return ConditionOutcome.Unknown;
        }

        var outcome = ConditionOutcome.Holds;
        foreach (var op in operators.Entries)
        {
            // Bool or BoolIfExists, as IAM reads operator names (the one model of them, Iam.ConditionOperator); a set
            // operator (ForAnyValue:Bool) over a single-valued fact is not decided here.
            if (Iam.ConditionOperator.Parse(op.Key) is not { Family: Iam.ConditionOperatorFamily.Bool, SetPrefix: null } || op.Value is not MapNode keys)
            {
                return ConditionOutcome.Unknown;
            }

            foreach (var key in keys.Entries)
            {
                if (!Known.TryGetValue(key.Key, out var fact))
                {
                    return ConditionOutcome.Unknown;
                }

                var written = StatementReader.Values(key.Value, values, canonical: false);
                if (written.Count == 0 || written.Any(w => !w.Exact))
                {
                    return ConditionOutcome.Unknown;
                }

                if (!written.Any(w => string.Equals(w.Text, fact, StringComparison.OrdinalIgnoreCase)))
                {
                    outcome = ConditionOutcome.NeverHolds;
                }
            }
        }

        return outcome;
    }
}
