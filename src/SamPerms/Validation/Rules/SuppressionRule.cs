using SamPerms.Diagnostics;

namespace SamPerms.Validation.Rules;

/// <summary>
/// The template's own suppressions (<c>Metadata: SamPerms: Ignore:</c>, at template or resource level): an entry that
/// names no SamPerms code suppresses nothing (SP1201, with the closest code). That a suppression suppressed nothing
/// (SP1202) is known only once every rule ran: <see cref="TemplateValidator"/> adds it then.
/// </summary>
public sealed class SuppressionRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.UnknownSuppressionDescriptor, DiagnosticCatalog.UnusedSuppressionDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var (pattern, resource, where) in new Suppressions([], context.Input).InTemplate)
        {
            if (!Suppressions.IsKnown(pattern))
            {
                var owner = resource is null ? "the template" : $"'{resource}'";
                findings.Add(DiagnosticCatalog.UnknownSuppressionDescriptor.At(where.Span,
                    $"{Suppressions.Key}: '{pattern}' of {owner} is not a SamPerms code{Suggest.DidYouMean(pattern, DiagnosticCatalog.All.Select(d => d.Code))}", where.Path));
            }
        }
    }
}
