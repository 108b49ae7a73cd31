using SamPerms.Iam;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>A statement whose Effect is missing or is not exactly "Allow" or "Deny".</summary>
public sealed class InvalidEffectRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.InvalidEffectDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var st in context.OutputStatements)
        {
            foreach (var value in PolicyDocuments.Items(st.Statement.EffectNode).DefaultIfEmpty())
            {
                switch (value)
                {
                    case null:
                        findings.Add(StatementFindings.Make(context, DiagnosticCatalog.InvalidEffectDescriptor, st, null, "statement has no Effect (\"Allow\" or \"Deny\")"));
                        break;
                    case StringNode { Value: "Allow" or "Deny" }:
                        break;
                    case StringNode s:
                        var hint = s.Value.Equals("allow", StringComparison.OrdinalIgnoreCase) ? " (Effect is case-sensitive: \"Allow\")"
                            : s.Value.Equals("deny", StringComparison.OrdinalIgnoreCase) ? " (Effect is case-sensitive: \"Deny\")" : "";
                        findings.Add(StatementFindings.Make(context, DiagnosticCatalog.InvalidEffectDescriptor, st, s, $"Effect '{s.Value}' is neither \"Allow\" nor \"Deny\"{hint}"));
                        break;
                    case MapNode m when Intrinsics.IsIntrinsic(m):
                        break; // Decided at deploy.
                    default:
                        findings.Add(StatementFindings.Make(context, DiagnosticCatalog.InvalidEffectDescriptor, st, value, $"Effect should be \"Allow\" or \"Deny\", not {Rules.StructureTypesRule.Describe(value)}"));
                        break;
                }
            }
        }
    }
}
