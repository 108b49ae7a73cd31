using SamPerms.Iam;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// Resource-based policies in IAM's evaluation within one account (IAM User Guide, "Policy evaluation logic"): an
/// explicit Deny in any applicable policy wins over every Allow; an Allow of the resource policy that names the role
/// (or everyone) is enough on its own, without an identity policy; an Allow for the account root only hands the
/// decision to the account's IAM policies. KMS is the exception (AWS KMS Developer Guide, "Key policies"): the key
/// policy must allow a use itself, by naming the principal or by the account-root statement that lets IAM policies
/// count; without either, the role's IAM grant gives nothing. Conditions are evaluated only where the request's
/// value is known (<see cref="RequestFacts"/>); any other makes the answer "cannot tell".
/// </summary>
public static class ResourcePolicyCheck
{
    /// <summary>Beyond this many policies, those that govern a request are looked up (<see cref="ResourcePolicyTargets"/>).</summary>
    private const int IndexedPolicies = 8;

    /// <summary>The policies that decide requests on the resource: on it, or on an object under it (a bucket's).</summary>
    public static IEnumerable<ResourcePolicy> Governing(IReadOnlyList<ResourcePolicy> policies, string canonicalResource, StaticValues values)
    {
        if (policies.Count == 0 || canonicalResource == "*")
        {
            yield break;
        }

        string? key = null;
        bool keyRead = false;
        IEnumerable<ResourcePolicy> candidates = policies;
        if (policies.Count > IndexedPolicies)
        {
            // Many policies: only those the resource may name (each still checked below, as any policy is).
            (key, keyRead) = (KeyPolicyGate.TemplateKey(canonicalResource, values), true);
            candidates = ResourcePolicyTargets.Of(policies).Candidates(canonicalResource, key).Select(i => policies[i]);
        }

        foreach (var p in candidates)
        {
            if (p.IsKeyPolicy)
            {
                if (!keyRead)
                {
                    (key, keyRead) = (KeyPolicyGate.TemplateKey(canonicalResource, values), true);
                }

                if (key == p.ResourceId)
                {
                    yield return p;
                }
            }
            else if (Designates(p, canonicalResource))
            {
                yield return p;
            }
        }
    }

    /// <summary>The strongest ruling of the policies that govern the request, or null when none governs it.</summary>
    public static ResourcePolicyDecision? Decide(PermissionMap map, Subject subject, string action, string canonicalResource)
    {
        if (map.Values is not { } values || subject.Role.LogicalId is not { } roleId || subject.Role.Kind is not (RoleKind.Generated or RoleKind.Template))
        {
            return null;
        }

        return Decide(map.ResourcePolicies, values, Caller.Role(roleId, values), action, canonicalResource);
    }

    /// <summary>The strongest ruling for any caller (a role, a service principal), or null when no policy governs the request.</summary>
    public static ResourcePolicyDecision? Decide(IReadOnlyList<ResourcePolicy> policies, StaticValues values, Caller caller, string action, string canonicalResource)
    {
        ResourcePolicyDecision? best = null;
        foreach (var policy in Governing(policies, canonicalResource, values))
        {
            var d = policy.IsKeyPolicy ? Key(policy, caller, action, values) : Other(policy, caller, action, canonicalResource, values);
            if (best is null || d.Ruling > best.Ruling)
            {
                best = d;
            }
        }

        return best;
    }

    /// <summary>What the resource policies leave of an Allow grant of the subject's role, on the resources it names.</summary>
    public static ResourceVerdict Of(PermissionMap map, Subject subject, Grant grant)
    {
        if (map.ResourcePolicies.Count == 0 || map.Values is not { } values || !grant.IsAllow || grant.Opaque || grant.NotAction || grant.NotResource
            || grant.Resources.Count == 0 || grant.Statement.Rejected is not null)
        {
            return ResourceVerdict.Effective;
        }

        var blocked = new List<string>();
        ResourcePolicyDecision? deciding = null, undecided = null;
        int pairs = 0;
        foreach (var r in grant.Resources)
        {
            var canonical = values.Canonical(r.Text);
            foreach (var action in grant.Actions)
            {
                pairs++;
                if (Decide(map, subject, action, canonical) is not { } d)
                {
                    continue;
                }

                if (d.Blocks)
                {
                    deciding ??= d;
                    var what = d.Ruling == ResourceRuling.PartlyDenied && d.Statement is { } st ? string.Join(", ", st.Actions) : action;
                    var entry = $"{what} on {r.Text}" + (d.Ruling == ResourceRuling.PartlyDenied ? " (in part)" : "");
                    if (!blocked.Contains(entry))
                    {
                        blocked.Add(entry);
                    }
                }
                else if (d.Ruling == ResourceRuling.Undecided)
                {
                    undecided ??= d;
                }
            }
        }

        if (deciding is not null)
        {
            var whole = blocked.Count == pairs && deciding.Ruling != ResourceRuling.PartlyDenied && blocked.All(b => !b.EndsWith(" (in part)", StringComparison.Ordinal));
            return new ResourceVerdict(whole ? GrantStanding.Outside : GrantStanding.PartlyOutside, blocked, deciding);
        }

        return undecided is not null ? new ResourceVerdict(GrantStanding.CannotTell, [], undecided) : ResourceVerdict.Effective;
    }

    /// <summary>Is the resource the policy's, or under it (an object of the bucket)?</summary>
    private static bool Designates(ResourcePolicy p, string canonical)
    {
        if (p.Arn is { } arn && (canonical == arn || canonical.StartsWith(arn + "/", StringComparison.Ordinal)))
        {
            return true;
        }

        return !Wildcard.HasWildcard(canonical[..Math.Max(0, canonical.IndexOf("${", StringComparison.Ordinal))])
            && SymbolicPattern.Symbols(canonical).Any(s => s == p.ResourceId || s.StartsWith(p.ResourceId + ".", StringComparison.Ordinal));
    }

    /// <summary>A bucket, queue, topic or secret policy: its Deny wins, its Allow naming the role suffices.</summary>
    private static ResourcePolicyDecision Other(ResourcePolicy policy, Caller caller, string action, string canonical, StaticValues values)
    {
        var denies = new List<Statement>();
        var allows = new List<Statement>();
        foreach (var (st, fit) in Applicable(policy, caller, values))
        {
            if (!st.IsAllow)
            {
                denies.Add(st);
            }
            else if (fit == PrincipalFit.Named)
            {
                allows.Add(st);
            }
        }

        var denied = PolicyEvaluator.Evaluate(denies, action, canonical);
        if (denied.Decision == Decision.Denied)
        {
            return new ResourcePolicyDecision(denied.PartlyDenied ? ResourceRuling.PartlyDenied : ResourceRuling.Denied, policy, denied.Denying[0]);
        }

        if (denied.Denying.Count > 0)
        {
            return new ResourcePolicyDecision(ResourceRuling.Undecided, policy, denied.Denying[0]);
        }

        var allowed = PolicyEvaluator.Evaluate(allows, action, canonical);
        return allowed.Decision == Decision.Allowed
            ? new ResourcePolicyDecision(ResourceRuling.AllowedAlone, policy, allowed.Allowing.FirstOrDefault())
            : new ResourcePolicyDecision(ResourceRuling.None, policy, null);
    }

    /// <summary>A key policy: a Deny wins; naming the role suffices; the account root hands over to IAM; else nothing counts.</summary>
    private static ResourcePolicyDecision Key(ResourcePolicy policy, Caller caller, string action, StaticValues values)
    {
        var ruling = ResourceRuling.KeyExcludes;
        Statement? by = null;
        foreach (var (st, fit) in Applicable(policy, caller, values))
        {
            if (!st.IsAllow)
            {
                if (st.TouchesAction(action) == Certainty.No)
                {
                    continue;
                }

                if (!st.IsConditional && st.CoversAction(action) == Certainty.Yes)
                {
                    return new ResourcePolicyDecision(ResourceRuling.Denied, policy, st);
                }

                (ruling, by) = (ResourceRuling.Undecided, st);
                continue;
            }

            if (st.CoversAction(action) == Certainty.No || ruling == ResourceRuling.Undecided && by is { IsAllow: false })
            {
                continue;
            }

            var r = st.IsConditional || st.CoversAction(action) == Certainty.Maybe ? ResourceRuling.Undecided
                : fit == PrincipalFit.Named ? ResourceRuling.AllowedAlone : ResourceRuling.None;
            if (Rank(r) > Rank(ruling))
            {
                (ruling, by) = (r, st);
            }
        }

        return new ResourcePolicyDecision(ruling, policy, ruling == ResourceRuling.KeyExcludes ? null : by);
    }

    private static int Rank(ResourceRuling r) => r switch
    {
        ResourceRuling.AllowedAlone => 3,
        ResourceRuling.None => 2,
        ResourceRuling.Undecided => 1,
        _ => 0,
    };

    /// <summary>The statements that apply to the caller, with conditions known for SDK requests resolved.</summary>
    internal static IEnumerable<(Statement Statement, PrincipalFit Fit)> Applicable(ResourcePolicy policy, Caller caller, StaticValues values)
    {
        foreach (var st in policy.Statements)
        {
            if (st.Rejected is not null || PrincipalMatch.Of(st, caller, values) is not (var fit and not PrincipalFit.None))
            {
                continue;
            }

            var outcome = RequestFacts.Of(st, values);
            if (outcome == ConditionOutcome.NeverHolds)
            {
                continue;
            }

            var resolved = outcome == ConditionOutcome.Holds ? st.Unconditional() : st;
            yield return (fit == PrincipalFit.Maybe ? resolved with { Conditional = resolved.Conditional ?? "the principal is known only at deploy" } : resolved, fit);
        }
    }
}
