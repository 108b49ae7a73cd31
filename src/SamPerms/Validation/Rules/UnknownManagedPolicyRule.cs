using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A Policies entry that is a plain name (not an ARN) SAM cannot turn into a managed policy ARN in the
/// template's partition. SAM passes it through unchanged and IAM rejects it at deploy.
/// </summary>
public sealed class UnknownManagedPolicyRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.UnknownManagedPolicyDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        var partition = context.Options.EffectivePartition;
        foreach (var entry in SamPolicyEntries.All(context))
        {
            if (entry.Entry is not StringNode s || s.Value.StartsWith("arn:", StringComparison.Ordinal) || s.Value.StartsWith("{{resolve:", StringComparison.Ordinal) || ManagedPolicyNames.Arn(s.Value, partition) is not null)
            {
                continue;
            }

            var at = context.Where(s);
            var why = ManagedPolicyNames.IsKnown(s.Value)
                ? $"is an AWS managed policy, but not in partition {partition}"
                : $"is no AWS managed policy SAM knows{Suggest.DidYouMean(s.Value, ManagedPolicyNames.Names)}";
            findings.Add(DiagnosticCatalog.UnknownManagedPolicyDescriptor.At(at.Span, $"'{s.Value}' in the Policies of {entry.ResourceId} {why}; SAM passes it on unchanged and IAM rejects a name that is not an ARN (write the full policy ARN for a customer managed policy)", at.Path));
        }
    }
}
