namespace SamPerms.Iam;

/// <summary>
/// Requests IAM allows whatever the policies say. The AWS STS API Reference on GetCallerIdentity: "No permissions
/// are required to perform this operation. If an administrator attaches a policy to your identity that explicitly
/// denies access to the sts:GetCallerIdentity action, you can still perform this operation."
/// </summary>
public static class UndeniableActions
{
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sts:GetCallerIdentity"] = "sts:GetCallerIdentity needs no permission and no policy can deny it (AWS STS API Reference, GetCallerIdentity)",
    };

    /// <summary>Why the action is always allowed, or null when policies decide it.</summary>
    public static string? Reason(string action) => Reasons.GetValueOrDefault(action);
}
