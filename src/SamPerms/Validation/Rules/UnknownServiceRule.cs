using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>An IAM action whose service prefix is no AWS service (or that has no prefix at all).</summary>
public sealed class UnknownServiceRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.UnknownServiceDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var (st, action, node) in PolicyDocuments.AuthorActions(context))
        {
            if (action == "*")
            {
                continue;
            }

            int colon = action.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                findings.Add(StatementFindings.Make(context, DiagnosticCatalog.UnknownServiceDescriptor, st, node, $"action '{action}' has no service prefix (write service:Action, e.g. s3:GetObject)"));
                continue;
            }

            var prefix = action[..colon];
            if (prefix.Contains('*') || prefix.Contains('?') || IamActionCatalog.Service(prefix) is not null)
            {
                continue;
            }

            var hint = Suggest.DidYouMean(prefix.ToLowerInvariant(), IamActionCatalog.Services.Keys);
            findings.Add(StatementFindings.Make(context, DiagnosticCatalog.UnknownServiceDescriptor, st, node, $"action '{action}': '{prefix}' is no AWS service prefix{hint}"));
        }
    }
}
