using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>What a key policy says about one principal and one action.</summary>
internal enum KeyPolicyAnswer
{
    /// <summary>The key policy names the principal (or everyone) for the action.</summary>
    AllowsPrincipal,

    /// <summary>The key policy has the account-root statement: IAM policies of the account decide.</summary>
    DelegatesToIam,

    /// <summary>An explicit Deny in the key policy applies.</summary>
    Denies,

    /// <summary>Neither: the principal's IAM grant alone is not enough.</summary>
    DoesNotAllow,

    /// <summary>It depends on a condition or a value known only at deploy.</summary>
    Undecided,
}

/// <summary>
/// An AWS::KMS::Key's key policy read as KMS reads it. Unlike other resources in one account, a KMS key is used
/// only when its key policy allows it: either directly (the principal or service is named), or by the
/// account-root statement ("Principal": {"AWS": "arn:aws:iam::ACCOUNT:root"}) that lets IAM policies grant it. A
/// key without KeyPolicy gets the default key policy, which is the root statement.
/// </summary>
internal static class KeyPolicy
{
    public static KeyPolicyAnswer For(AnalysisContext ctx, string keyId, string action, IReadOnlyList<string> principals)
    {
        var policy = ctx.Properties(keyId)?.Get("KeyPolicy");
        if (policy is null)
        {
            return KeyPolicyAnswer.DelegatesToIam;
        }

        var result = KeyPolicyAnswer.DoesNotAllow;
        foreach (var st in StatementReader.Read(policy, ctx.Values))
        {
            if (!st.Actions.Any(a => Wildcard.Matches(a, action, ignoreCase: true)) == !st.NotAction)
            {
                continue;
            }

            var names = Principals(ctx, st.Principal);
            var root = names.Any(PrincipalMatch.IsAccountRoot);
            var named = names.Any(n => n == "*" || principals.Any(p => string.Equals(p, n, StringComparison.Ordinal)));
            if (!root && !named)
            {
                continue;
            }

            var conditional = st.IsConditional;
            if (st.Effect == "Deny")
            {
                if (named && !conditional)
                {
                    return KeyPolicyAnswer.Denies;
                }

                result = KeyPolicyAnswer.Undecided;
                continue;
            }

            var answer = conditional ? KeyPolicyAnswer.Undecided : named ? KeyPolicyAnswer.AllowsPrincipal : KeyPolicyAnswer.DelegatesToIam;
            if (Rank(answer) > Rank(result))
            {
                result = answer;
            }
        }

        return result;
    }

    private static int Rank(KeyPolicyAnswer a) => a switch
    {
        KeyPolicyAnswer.AllowsPrincipal => 3,
        KeyPolicyAnswer.DelegatesToIam => 2,
        KeyPolicyAnswer.Undecided => 1,
        _ => 0,
    };

    private static List<string> Principals(AnalysisContext ctx, Node? principal)
    {
        var result = new List<string>();
        if (principal is MapNode m && !Intrinsics.IsIntrinsic(m))
        {
            foreach (var entry in m.Entries)
            {
                result.AddRange(StatementReader.Values(entry.Value, ctx.Values, canonical: false).Select(v => v.Text));
            }
        }
        else if (principal is not null)
        {
            result.Add(ctx.Values.Render(principal).Text);
        }

        return result;
    }
}
