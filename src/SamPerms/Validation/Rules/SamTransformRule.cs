using SamPerms.Diagnostics;

namespace SamPerms.Validation.Rules;

/// <summary>
/// Every error the SAM translator raises for the template, with its exact message, at the property that causes
/// it (the transform records the offending node with each error).
/// </summary>
public sealed class SamTransformRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.SamTransformErrorDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Outcome is not { Succeeded: false } outcome)
        {
            return;
        }

        foreach (var d in outcome.Diagnostics.Where(d => d.Code == DiagnosticCatalog.SamTransformError))
        {
            // A cause without a node of its own is reported at the top of the template; say nothing of a path then.
            findings.Add(context.Index.At(d.Span) is { } hit ? d with { Path = hit.Path.Length > 0 ? hit.Path : null } : d);
        }
    }
}
