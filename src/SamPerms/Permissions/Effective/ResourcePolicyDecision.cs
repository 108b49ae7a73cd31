using SamPerms.Iam;

namespace SamPerms.Permissions.Effective;

/// <summary>What a resource policy of the template decides about one request of a role.</summary>
public enum ResourceRuling
{
    /// <summary>It says nothing: the role's policies decide (within one account).</summary>
    None,

    /// <summary>An Allow naming the role (or everyone) grants it without an identity policy (not so for KMS without naming).</summary>
    AllowedAlone,

    /// <summary>It depends on a condition or a value known only at run time or deploy.</summary>
    Undecided,

    /// <summary>A key policy that neither names the role nor has the account-root statement: the IAM grant counts for nothing.</summary>
    KeyExcludes,

    /// <summary>An explicit Deny covers part of the request.</summary>
    PartlyDenied,

    /// <summary>An explicit Deny covers the request.</summary>
    Denied,
}

/// <summary>A ruling, the policy that makes it, and the statement that decides (null for a key policy that lacks one).</summary>
public sealed record ResourcePolicyDecision(ResourceRuling Ruling, ResourcePolicy Policy, Statement? Statement)
{
    public bool Blocks => Ruling is ResourceRuling.Denied or ResourceRuling.PartlyDenied or ResourceRuling.KeyExcludes;

    /// <summary>The line that decides: the statement, else the policy document.</summary>
    public Source Source => Statement is { Span.IsKnown: true } st
        ? Policy.Source with { Span = st.Span, Description = Policy.Kind }
        : Policy.Source;

    /// <summary>"the bucket policy OrdersPolicy (line 12)".</summary>
    public string Where => Policy.Name + (Source.Span.IsKnown ? $" (line {Source.Span.Line})" : "");
}

/// <summary>What the resource policies leave of one grant of a role (the blocked "action on resource" pairs named).</summary>
public sealed record ResourceVerdict(GrantStanding Standing, IReadOnlyList<string> Blocked, ResourcePolicyDecision? Deciding)
{
    public static readonly ResourceVerdict Effective = new(GrantStanding.Effective, [], null);
}
