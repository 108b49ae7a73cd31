using SamPerms.Diagnostics;
using SamPerms.Iam;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>An action string IAM refuses (<see cref="ActionSyntax"/>): no service prefix, a wildcard in it, two colons.</summary>
public sealed class MalformedActionRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.MalformedActionDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var (st, action, node) in OutputStatements.AuthorActions(context))
        {
            if (ActionSyntax.Problem(action) is { } problem)
            {
                findings.Add(StatementFindings.Make(context, DiagnosticCatalog.MalformedActionDescriptor, st, node, $"action '{action}' {problem}: IAM rejects the policy (MalformedPolicyDocument) and the stack fails to deploy"));
            }
        }
    }
}
