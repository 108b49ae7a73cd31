using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>An IAM action whose service prefix is no AWS service.</summary>
public sealed class UnknownServiceRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.UnknownServiceDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var (st, action, node) in OutputStatements.AuthorActions(context))
        {
            // A malformed action (no prefix, a wildcard in it) is the malformed-action rule's.
            int colon = action.IndexOf(':', StringComparison.Ordinal);
            if (action == "*" || SamPerms.Iam.ActionSyntax.Problem(action) is not null || colon <= 0)
            {
                continue;
            }

            var prefix = action[..colon];
            if (IamActionCatalog.Service(prefix) is not null)
            {
                continue;
            }

            var hint = Suggest.DidYouMean(prefix.ToLowerInvariant(), IamActionCatalog.Services.Keys);
            findings.Add(StatementFindings.Make(context, DiagnosticCatalog.UnknownServiceDescriptor, st, node, $"action '{action}': '{prefix}' is no AWS service prefix{hint}"));
        }
    }
}
