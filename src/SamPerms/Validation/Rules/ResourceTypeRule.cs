using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Validation.CloudFormation;

namespace SamPerms.Validation.Rules;

/// <summary>A resource Type in CloudFormation's namespace that names no type CloudFormation knows (cfn-lint E3006).</summary>
public sealed class ResourceTypeRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.UnknownResourceTypeDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var r in context.PlainResources)
        {
            if (r.Schema is not null || !PlainResources.IsAwsNamespace(r.Type))
            {
                continue;
            }

            var at = context.Locate(r.LogicalId, r.Node.Get("Type"));
            findings.Add(DiagnosticCatalog.UnknownResourceTypeDescriptor.At(at.Span,
                $"resource {r.LogicalId} has type '{r.Type}', which CloudFormation does not know{Suggest.DidYouMean(r.Type, CfnResourceTypes.Names)}", at.Path));
        }
    }
}
