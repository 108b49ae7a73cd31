using SamPerms.Iam;
using System.Text.RegularExpressions;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>
/// SP3206: a role's trust policy that lets a literal AWS account (its root, the bare id, or a principal in it) assume
/// the role with no Condition. A template cannot know its own account except as ${AWS::AccountId}, so a written
/// account id is another account (or a hard-coded one); without sts:ExternalId, aws:PrincipalOrgID or a similar
/// condition, whoever that account's policies allow may assume the role. (Principal "*" is SP3105's.)
/// </summary>
public sealed partial class CrossAccountTrustRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.CrossAccountTrustDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var st in context.OutputStatements)
        {
            if (st.Policy.Kind != PolicyDocumentKind.Trust || !st.Statement.IsAllow || st.Statement.HasConditionBlock || st.Statement.NotPrincipal || st.Statement.Principal is not MapNode principal
                || principal.Get("AWS") is not { } aws)
            {
                continue;
            }

            IEnumerable<Node> items = aws is SeqNode s ? s.Items : [aws];
            foreach (var item in items)
            {
                var text = context.OutputValues.Render(item);
                if (text.Exact && Account().Match(text.Text) is { Success: true } m)
                {
                    findings.Add(StatementFindings.Make(context, DiagnosticCatalog.CrossAccountTrustDescriptor, st, item,
                        $"the trust policy lets account {m.Groups["account"].Value} assume role {st.Policy.ResourceId} ({text.Text}) with no Condition (sts:ExternalId, aws:PrincipalOrgID)"));
                }
            }
        }
    }

    [GeneratedRegex(@"^(?:(?<account>[0-9]{12})|arn:[a-z-]+:iam::(?<account>[0-9]{12}):.+)$")]
    private static partial Regex Account();
}
