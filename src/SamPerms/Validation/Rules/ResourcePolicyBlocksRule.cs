using SamPerms.Diagnostics;
using SamPerms.Permissions;
using SamPerms.Permissions.Effective;

namespace SamPerms.Validation.Rules;

/// <summary>
/// SP3207: a Deny of a resource policy of the template that blocks a grant of a function's or state machine's role,
/// reported at the Deny, naming the grant. SP3208: a key policy that lets no IAM grant of the role count (it names
/// neither the role nor the account root), reported at the key policy. A ruling that depends on a condition is no
/// finding (nothing certain to say); <c>permissions</c> and <c>can</c> show it as "cannot tell".
/// </summary>
public sealed class ResourcePolicyBlocksRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.ResourcePolicyDeniesDescriptor, DiagnosticCatalog.KeyPolicyExcludesRoleDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.PermissionMap is not { ResourcePolicies.Count: > 0 } map)
        {
            return;
        }

        var seen = new HashSet<(Text.SourceSpan, Text.SourceSpan)>();
        foreach (var subject in map.Subjects)
        {
            foreach (var grant in subject.MayDo)
            {
                var verdict = ResourcePolicyCheck.Of(map, subject, grant);
                if (verdict.Standing is not (GrantStanding.Outside or GrantStanding.PartlyOutside) || verdict.Deciding is not { } d)
                {
                    continue;
                }

                var at = d.Source.Span.IsKnown ? d.Source.Span : d.Policy.Source.Span;
                if (!seen.Add((at, grant.Source.Span)))
                {
                    continue;
                }

                var what = grant.Template is { } t ? "policy template " + t.Name
                    : grant.ManagedPolicyArn is not null ? "managed policy " + grant.PolicyName : grant.Source.Description;
                var granted = $"{what} of {subject.SamLogicalId}{(grant.Source.Span.IsKnown ? $" (line {grant.Source.Span.Line})" : "")}";
                var blocked = string.Join(", ", verdict.Blocked.Take(4)) + (verdict.Blocked.Count > 4 ? $" and {verdict.Blocked.Count - 4} more" : "");
                var path = context.Index.At(at)?.Path;
                findings.Add(d.Ruling == ResourceRuling.KeyExcludes
                    ? DiagnosticCatalog.KeyPolicyExcludesRoleDescriptor.At(at,
                        $"{Capital(d.Policy.Name)} {ResourcePolicyText.KmsException}: {granted} allows {blocked}, which gives nothing", path)
                    : DiagnosticCatalog.ResourcePolicyDeniesDescriptor.At(at,
                        $"{Capital(d.Policy.Name)} denies {blocked} to {subject.SamLogicalId}'s role: {granted} grants {(verdict.Standing == GrantStanding.Outside ? "it" : "that")} for nothing", path));
            }
        }
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
