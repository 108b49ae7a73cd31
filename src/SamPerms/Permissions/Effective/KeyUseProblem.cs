using SamPerms.Iam;

namespace SamPerms.Permissions.Effective;

/// <summary>Why a role may not use a KMS key of the template for an action.</summary>
internal enum KeyUseProblemKind
{
    KeyPolicyDenies,
    KeyPolicyExcludes,
    NeitherAllows,
    RoleLacks,
}

/// <summary>
/// Whether a role may use a KMS key of the template for one action, as KMS decides it: the key policy (read by
/// <see cref="ResourcePolicyCheck"/>, the one reading of resource policies: it names the role, has the account-root
/// statement that lets IAM decide, denies, or excludes) together with the role's IAM statements. Used for the keys a
/// function's code uses (<see cref="KeyUseNeeds"/>) and the keys its event sources are encrypted with (<see cref="KeyNeeds"/>).
/// </summary>
internal static class KeyUseProblem
{
    /// <summary>Why the role may not use the key for the action, or null when it may (or it cannot be told).</summary>
    public static KeyUseProblemKind? Of(AnalysisContext ctx, IReadOnlyList<Statement> statements, bool opaque, Caller caller, string keyId, string action)
    {
        // The key as grants write it: !GetAtt Key.Arn, or an ARN built from its id (KMSDecryptPolicy: key/${KeyId}).
        var iam = PolicyEvaluator.Evaluate(statements, action, "${" + keyId + ".Arn}");
        if (iam.Decision != Decision.Allowed)
        {
            var byId = PolicyEvaluator.Evaluate(statements, action, $"arn:{ctx.Values.Partition}:kms:{ctx.Values.Region}:${{AWS::AccountId}}:key/${{{keyId}}}");
            iam = byId.Decision == Decision.Allowed || byId.Decision == Decision.Undecided && iam.Decision != Decision.Undecided ? byId : iam;
        }

        var keyPolicy = ResourcePolicyCheck.Decide(ctx.ResourcePolicies, ctx.Values, caller, action, "${" + keyId + ".Arn}");
        return keyPolicy?.Ruling switch
        {
            ResourceRuling.Denied or ResourceRuling.PartlyDenied => KeyUseProblemKind.KeyPolicyDenies,
            ResourceRuling.AllowedAlone or ResourceRuling.Undecided => null,
            ResourceRuling.KeyExcludes when iam.Decision == Decision.Allowed => KeyUseProblemKind.KeyPolicyExcludes,
            ResourceRuling.KeyExcludes => KeyUseProblemKind.NeitherAllows,
            _ when iam.Decision is Decision.NotAllowed or Decision.Denied && !opaque => KeyUseProblemKind.RoleLacks,
            _ => null,
        };
    }

    /// <summary>The problem in words ("its role does not allow kms:Decrypt on QueueKey").</summary>
    public static string Describe(KeyUseProblemKind why, string actions, string keyId) => why switch
    {
        KeyUseProblemKind.KeyPolicyDenies => $"the key policy of {keyId} denies {actions} to the role",
        KeyUseProblemKind.KeyPolicyExcludes => $"the role allows {actions}, but the key policy of {keyId} {ResourcePolicyText.KmsException}",
        KeyUseProblemKind.NeitherAllows => $"neither the role nor the key policy of {keyId} allows {actions} (and for a KMS key the key policy must allow it)",
        _ => $"its role does not allow {actions} on {keyId}",
    };
}
