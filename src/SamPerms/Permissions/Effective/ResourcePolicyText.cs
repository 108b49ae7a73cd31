namespace SamPerms.Permissions.Effective;

/// <summary>The one wording of what a resource policy does to a grant or a request, shared by every view.</summary>
public static class ResourcePolicyText
{
    private const int Shown = 6;

    /// <summary>Why a key policy without the role and without the account root lets no IAM grant count.</summary>
    public const string KmsException =
        "neither names the role nor has the account-root statement, so the role's IAM grant alone is not enough (KMS is the exception to same-account access: the key policy must allow it)";

    /// <summary>A grant's line in the permission views: "blocked: denied by the bucket policy P".</summary>
    public static string Describe(ResourceVerdict verdict)
    {
        if (verdict.Deciding is not { } d)
        {
            return "";
        }

        return verdict.Standing switch
        {
            GrantStanding.Outside => "blocked: " + Cause(d),
            GrantStanding.PartlyOutside => $"partly blocked: {List(verdict.Blocked)}: {Cause(d)}",
            GrantStanding.CannotTell => "cannot tell before deploy: " + Cause(d),
            _ => "",
        };
    }

    /// <summary>What the deciding policy does, without its line: "denied by the bucket policy P".</summary>
    public static string Cause(ResourcePolicyDecision d) => d.Ruling switch
    {
        ResourceRuling.Denied or ResourceRuling.PartlyDenied => "denied by " + d.Policy.Name,
        ResourceRuling.KeyExcludes => d.Policy.Name + " " + KmsException,
        ResourceRuling.Undecided when d.Statement is { IsAllow: false, Condition: null } => $"{d.Policy.Name} may deny it: whom its Deny names is known only at deploy",
        ResourceRuling.Undecided when d.Statement is { IsAllow: false } => $"{d.Policy.Name} denies it under a condition known only at run time",
        ResourceRuling.Undecided => $"{d.Policy.Name} allows it only under a condition known only at run time",
        ResourceRuling.AllowedAlone => $"allowed by {d.Policy.Name}, which names the role",
        _ => "",
    };

    /// <summary>A short machine name of a ruling, for JSON.</summary>
    public static string Name(ResourceRuling ruling) => ruling switch
    {
        ResourceRuling.Denied => "denied",
        ResourceRuling.PartlyDenied => "partlyDenied",
        ResourceRuling.KeyExcludes => "keyPolicyExcludes",
        ResourceRuling.Undecided => "undecided",
        ResourceRuling.AllowedAlone => "allowed",
        _ => "none",
    };

    private static string List(IReadOnlyList<string> items) =>
        items.Count <= Shown ? string.Join(", ", items) : $"{string.Join(", ", items.Take(Shown))} and {items.Count - Shown} more";
}
