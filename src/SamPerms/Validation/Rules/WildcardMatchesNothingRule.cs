using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>An IAM action pattern with wildcards that matches no action of its service.</summary>
public sealed class WildcardMatchesNothingRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.WildcardMatchesNothingDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var (st, action, node) in OutputStatements.AuthorActions(context))
        {
            int colon = action.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !SamPerms.Iam.Wildcard.HasWildcard(action))
            {
                continue;
            }

            var prefix = action[..colon];
            var pattern = action[(colon + 1)..];
            // A wildcard in the prefix is malformed (the malformed-action rule reports it).
            if (IamActionCatalog.Service(prefix) is not { } service || service.Actions.Any(a => SamPerms.Iam.Wildcard.Matches(pattern, a.Name, true)))
            {
                continue;
            }

            findings.Add(StatementFindings.Make(context, DiagnosticCatalog.WildcardMatchesNothingDescriptor, st, node, $"action pattern '{action}' matches no action of {service.Name}"));
        }
    }
}
