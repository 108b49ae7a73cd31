using SamPerms.Diagnostics;
namespace SamPerms.Validation.Rules;

/// <summary>
/// Every error the SAM translator raises for the template, with its exact message, at the property that causes
/// it (the transform records the offending node with each error); and the errors of the AWS::LanguageExtensions
/// transform that runs before it; and what the analysis assumed where SAM needs deploy-time values or the network.
/// </summary>
public sealed class SamTransformRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } =
    [
        DiagnosticCatalog.SamTransformErrorDescriptor, DiagnosticCatalog.LanguageExtensionErrorDescriptor,
        DiagnosticCatalog.DeployTimeValueDescriptor, DiagnosticCatalog.OfflineApplicationDescriptor,
    ];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Outcome is not { } outcome)
        {
            return;
        }

        // What the analysis assumed to go on where SAM needs deploy-time values or the network.
        foreach (var d in outcome.Assumptions)
        {
            findings.Add(context.Index.At(d.Span) is { } hit ? d with { Path = hit.Path.Length > 0 ? hit.Path : null } : d);
        }

        if (outcome.Succeeded)
        {
            return;
        }

        foreach (var d in outcome.Diagnostics.Where(d => d.Code is DiagnosticCatalog.SamTransformError or DiagnosticCatalog.LanguageExtensionError))
        {
            // A cause without a node of its own is reported at the top of the template; say nothing of a path then.
            findings.Add(context.Index.At(d.Span) is { } hit ? d with { Path = hit.Path.Length > 0 ? hit.Path : null } : d);
        }
    }
}
