using SamPerms.Data;
using SamPerms.Iam;

namespace SamPerms.Permissions;

/// <summary>
/// A KMS key decides with its key policy whether IAM policies count at all: "Unless the key policy explicitly
/// allows it, you cannot use IAM policies to allow access to a KMS key" (AWS KMS Developer Guide, "Key policies in
/// AWS KMS"). For a key outside the template that policy is unknown here, so an Allow of the role for a kms: action
/// on it is never a certain yes. Keys of the template carry their key policy in the template: deciding from it is
/// the effective-access step's (<see cref="TemplateKey"/> is the hook), and until then their answer is the role's.
/// </summary>
public static class KeyPolicyGate
{
    /// <summary>Does the action act on a KMS key (the catalog lists the key resource type for it)?</summary>
    public static bool ActsOnKey(string action) =>
        action.StartsWith("kms:", StringComparison.OrdinalIgnoreCase)
        && IamActionCatalog.Find(action) is { } known && known.ResourceTypes.Any(t => t.Equals("key", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The logical id of the template key (or alias) the resource names, or null when it names no key of the
    /// template (an ARN written out, a parameter, "*"). Hook for the effective-access step: a key of the template
    /// is decided from its KeyPolicy.
    /// </summary>
    public static string? TemplateKey(string canonicalResource, StaticValues values)
    {
        var ids = SymbolicPattern.Symbols(canonicalResource)
            .Select(s => s.Split('.')[0])
            .Where(id => values.ResourceType(id) is "AWS::KMS::Key" or "AWS::KMS::Alias")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return ids.Count == 1 && !Wildcard.HasWildcard(SymbolicPattern.WithoutSymbols(canonicalResource)) ? ids[0] : null;
    }

    /// <summary>
    /// The answer once the key policy is taken into account: an Allowed answer for a kms: action on a key outside
    /// the template becomes "cannot tell before deploy"; anything else is unchanged.
    /// </summary>
    public static AccessAnswer Apply(AccessAnswer answer, string action, string? canonicalResource, StaticValues values)
    {
        if (answer.Verdict != AccessVerdict.Allowed || !ActsOnKey(action)
            || (canonicalResource is not null && TemplateKey(canonicalResource, values) is not null))
        {
            return answer;
        }

        var allowed = answer.Reason == "allowed" ? "the role allows it" : $"the role allows it ({answer.Reason})";
        var which = canonicalResource is null || canonicalResource == "*" ? "a key outside the template" : $"{canonicalResource} is a key outside the template";
        return answer with
        {
            Verdict = AccessVerdict.Unverifiable,
            Reason = $"{allowed}, but {which}: a KMS key's own key policy decides whether IAM policies count for it (AWS KMS Developer Guide, key policies), and that policy is not known before deploy",
        };
    }
}
