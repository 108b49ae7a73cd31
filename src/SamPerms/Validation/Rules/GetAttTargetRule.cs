using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.References;

namespace SamPerms.Validation.Rules;

/// <summary>Fn::GetAtt of a resource the template, as SAM transforms it, does not define.</summary>
public sealed class GetAttTargetRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.GetAttTargetMissingDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Output is not { } output)
        {
            return;
        }

        var names = context.OutputNames!;
        foreach (var found in context.OutputIntrinsics)
        {
            if (found.Function != "Fn::GetAtt")
            {
                continue;
            }

            var (id, node) = found.Argument switch
            {
                SeqNode { Count: >= 1 } s when s[0] is StringNode first => (first.Value, (Node)first),
                StringNode text when text.Value.Contains('.', StringComparison.Ordinal) => (text.Value[..text.Value.IndexOf('.', StringComparison.Ordinal)], text),
                _ => (null, null),
            };
            if (id is null || names.Resources.Contains(id))
            {
                continue;
            }

            var at = ReferenceChecks.Where(context, found, node);
            var message = $"Fn::GetAtt names resource '{id}'{ReferenceChecks.InWhat(context, found)}, which does not exist{Suggest.DidYouMean(id, names.Resources)}";
            findings.Add(DiagnosticCatalog.GetAttTargetMissingDescriptor.At(at.Span, message, at.Path));
        }
    }
}
