using SamPerms.Iam;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// <c>can</c>'s answer once the resource policies of the template are taken in: an Allow of the role becomes no when a
/// resource policy denies it or a key policy lets no IAM grant count, and cannot tell when that depends on a
/// condition; an implicit deny of the role becomes yes when the resource policy's Allow names the role (not when a
/// permissions boundary stops it).
/// </summary>
public static class ResourcePolicyAnswer
{
    public static AccessAnswer Apply(PermissionMap map, Subject subject, string action, string? canonicalResource, AccessAnswer answer)
    {
        if (canonicalResource is null || map.ResourcePolicies.Count == 0 || map.Values is not { } values
            || ResourcePolicyCheck.Decide(map, subject, action, canonicalResource) is not { } d)
        {
            return answer;
        }

        var by = answer.Because.FirstOrDefault(g => g.IsAllow) is { } grant ? "allowed by " + BoundaryAnswer.Where(subject, grant.Source) : "allowed by the role's policies";
        if (d.Ruling == ResourceRuling.Denied && answer.Verdict != AccessVerdict.Allowed)
        {
            return new AccessAnswer(AccessVerdict.NotAllowed, $"denied by {d.Where}, whatever the role's policies allow", [.. answer.Because]);
        }

        if (d.Ruling == ResourceRuling.KeyExcludes && answer.Verdict != AccessVerdict.Allowed)
        {
            return new AccessAnswer(AccessVerdict.NotAllowed, $"{d.Where} neither names the role nor has the account-root statement, so no IAM policy can grant it (KMS is the exception to same-account access: the key policy must allow it)", [.. answer.Because]);
        }

        if (answer.Verdict == AccessVerdict.Allowed)
        {
            return d.Ruling switch
            {
                ResourceRuling.Denied => new AccessAnswer(AccessVerdict.NotAllowed, $"{by} but denied by {d.Where}", [.. answer.Because]),
                ResourceRuling.PartlyDenied => new AccessAnswer(AccessVerdict.NotAllowed, $"{by} but partly denied by {d.Where}", [.. answer.Because]),
                ResourceRuling.KeyExcludes => new AccessAnswer(AccessVerdict.NotAllowed, $"{by}, but {d.Where} {ResourcePolicyText.KmsException}", [.. answer.Because]),
                ResourceRuling.Undecided => new AccessAnswer(AccessVerdict.Unverifiable, $"{by}; {ResourcePolicyText.Cause(d).Replace(d.Policy.Name, d.Where, StringComparison.Ordinal)}", [.. answer.Because]),
                _ => answer,
            };
        }

        if (answer.Verdict == AccessVerdict.NotAllowed && d.Ruling == ResourceRuling.AllowedAlone
            && PolicyEvaluator.Evaluate(GrantStatements.Of(subject.MayDo), action, canonicalResource).Decision == Decision.NotAllowed
            && BoundaryCheck.Allows(subject, action, canonicalResource, values) == Certainty.Yes)
        {
            var alone = d.Policy.IsKeyPolicy ? "a key policy that names the role needs no IAM grant" : "within one account a resource policy's Allow for the role needs no identity policy";
            return new AccessAnswer(AccessVerdict.Allowed, $"allowed by {d.Where}, which names the role ({alone})", []);
        }

        return answer;
    }
}
