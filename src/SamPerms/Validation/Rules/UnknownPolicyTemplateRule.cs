using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A Policies entry written as <c>Name: {parameters}</c> where Name is no SAM policy template. SAM's own error
/// ("Policy at index N in the 'Policies' property is not valid") does not say why; this names the closest templates.
/// </summary>
public sealed class UnknownPolicyTemplateRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.UnknownPolicyTemplateDescriptor];

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
            findings.Add(DiagnosticCatalog.UnknownPolicyTemplateDescriptor.At(at.Span, $"'{name}' in the Policies of {entry.ResourceId} is no SAM policy template{hint}", at.Path));
        }
    }
}
