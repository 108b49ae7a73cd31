using SamPerms.Diagnostics;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>iam:PassRole allowed on Resource "*" (privilege escalation: pass any role to a service you control).</summary>
public sealed class PassRoleOnAnyRoleRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.PassRoleOnAnyRoleDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var st in OutputStatements.AllowsOnAnyResource(context))
        {
            foreach (var (action, node) in OutputStatements.ActionStrings(st.Statement))
            {
                // "*" and "iam:*" are reported as allowing everything already.
                if (!AllActionsOnAllResourcesRule.IsBroad(action) && SamPerms.Iam.Wildcard.Matches(action, "iam:PassRole", true))
                {
                    var condition = st.Statement.HasConditionBlock ? " (a Condition limits it; make sure it names the roles or iam:PassedToService)" : "";
                    findings.Add(StatementFindings.Make(context, DiagnosticCatalog.PassRoleOnAnyRoleDescriptor, st, node, $"'{action}' on Resource '*' lets the holder pass any role of the account to a service{condition}"));
                }
            }
        }
    }
}
