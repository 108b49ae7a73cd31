using SamPerms.Diagnostics;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>sts:AssumeRole allowed on Resource "*": the holder may assume any role that trusts the account.</summary>
public sealed class AssumeRoleOnAnyRoleRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.AssumeRoleOnAnyRoleDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        // Identity statements only: a trust policy's sts:AssumeRole has no Resource; it is about who, not which role.
        foreach (var st in OutputStatements.AllowsOnAnyResource(context))
        {
            foreach (var (action, node) in OutputStatements.ActionStrings(st.Statement))
            {
                // "*" and "sts:*" are reported as allowing everything already.
                if (!AllActionsOnAllResourcesRule.IsBroad(action) && SamPerms.Iam.Wildcard.Matches(action, "sts:AssumeRole", true))
                {
                    var condition = st.Statement.HasConditionBlock ? " (a Condition limits it; make sure it names the roles or their account)" : "";
                    findings.Add(StatementFindings.Make(context, DiagnosticCatalog.AssumeRoleOnAnyRoleDescriptor, st, node, $"'{action}' on Resource '*' lets the holder assume any role that trusts this account{condition}"));
                }
            }
        }
    }
}
