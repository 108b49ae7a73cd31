using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.References;

namespace SamPerms.Validation.Rules;

/// <summary>Ref to a name the template, as SAM transforms it, does not define.</summary>
public sealed class RefTargetRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.RefTargetMissingDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Output is not { } output)
        {
            return;
        }

        var names = context.OutputNames!;
        foreach (var found in context.OutputIntrinsics)
        {
            if (found.Function != "Ref" || found.Argument is not StringNode target || names.IsReferable(target.Value))
            {
                continue;
            }

            var at = ReferenceChecks.Where(context, found, target);
            var message = $"Ref '{target.Value}'{ReferenceChecks.InWhat(context, found)} names no parameter, resource or pseudo parameter{Suggest.DidYouMean(target.Value, names.Referable)}";
            findings.Add(DiagnosticCatalog.RefTargetMissingDescriptor.At(at.Span, message, at.Path));
        }
    }
}
