using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.References;

namespace SamPerms.Validation.Rules;

/// <summary>DependsOn naming a resource the template, as SAM transforms it, does not define.</summary>
public sealed class DependsOnTargetRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.DependsOnMissingDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Output is not { } output || output.Get("Resources") is not MapNode resources)
        {
            return;
        }

        var names = context.OutputNames!;
        foreach (var e in resources.Entries)
        {
            var dependsOn = (e.Value as MapNode)?.Get("DependsOn");
            IEnumerable<Node> items = dependsOn is SeqNode s ? s.Items : dependsOn is null ? [] : [dependsOn];
            foreach (var item in items)
            {
                if (item is not StringNode target || names.Resources.Contains(target.Value))
                {
                    continue;
                }

                var at = context.Locate(e.Key, item, dependsOn);
                var generated = context.GeneratedFrom(e.Key) is { } sam ? $" of {e.Key} (generated from {sam})" : "";
                var message = $"DependsOn{generated} names '{target.Value}', which is no resource of the template{Suggest.DidYouMean(target.Value, names.Resources)}";
                findings.Add(DiagnosticCatalog.DependsOnMissingDescriptor.At(at.Span, message, at.Path));
            }
        }
    }
}
