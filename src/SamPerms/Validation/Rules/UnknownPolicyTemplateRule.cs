using SamPerms.Data;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A Policies entry written as <c>Name: {parameters}</c> where Name is no SAM policy template. SAM does not stop
/// on it: it is passed through as if it were a managed policy ARN, and the deploy fails.
/// </summary>
public sealed class UnknownPolicyTemplateRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.UnknownPolicyTemplateRule];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var entry in SamPolicyEntries.All(context))
        {
            if (!SamPolicyEntries.IsTemplateReference(entry.Entry, out var name, out _) || PolicyTemplateTable.Has(name))
            {
                continue;
            }

            var at = context.WhereKey((Model.MapNode)entry.Entry, name);
            var hint = Suggest.DidYouMean(name, PolicyTemplateTable.Names);
            findings.Add(DiagnosticCatalog.UnknownPolicyTemplateRule.At(at.Span, $"'{name}' in the Policies of {entry.ResourceId} is no SAM policy template{hint}; SAM would pass it on as a managed policy ARN, which fails at deploy", at.Path));
        }
    }
}
