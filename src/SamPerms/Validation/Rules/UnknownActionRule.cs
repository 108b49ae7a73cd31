using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>An IAM action (without wildcards) that its service does not have.</summary>
public sealed class UnknownActionRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.UnknownActionDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        var hints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (st, action, node) in OutputStatements.AuthorActions(context))
        {
            int colon = action.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || SamPerms.Iam.Wildcard.HasWildcard(action) || IamActionCatalog.Service(action[..colon]) is not { } service)
            {
                continue;
            }

            var name = action[(colon + 1)..];
            if (service.Action(name) is not null)
            {
                continue;
            }

            // The same misspelling in many statements is looked up once.
            if (!hints.TryGetValue(action, out var hint))
            {
                hints[action] = hint = Suggest.DidYouMean(name, service.Actions.Select(a => a.Name), a => $"{service.Prefix}:{a}");
            }

            findings.Add(StatementFindings.Make(context, DiagnosticCatalog.UnknownActionDescriptor, st, node, $"action '{action}' does not exist in {service.Name}{hint}"));
        }
    }
}
