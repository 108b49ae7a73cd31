using SamPerms.Diagnostics;

namespace SamPerms.Validation.Rules;

/// <summary>What went wrong reading the file: syntax, duplicate keys, unknown tags, encoding, size, nesting, not a template.</summary>
public sealed class ReaderRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } =
    [
        DiagnosticCatalog.YamlSyntaxDescriptor, DiagnosticCatalog.DuplicateKeyDescriptor, DiagnosticCatalog.UnknownTagDescriptor,
        DiagnosticCatalog.InvalidEncodingDescriptor, DiagnosticCatalog.DocumentTooLargeDescriptor, DiagnosticCatalog.NestingTooDeepDescriptor,
        DiagnosticCatalog.NotATemplateDescriptor,
    ];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        findings.AddRange(context.ReadDiagnostics);

        // The transform refuses a document that is not a mapping before SAM sees it.
        if (context.Outcome is { } outcome)
        {
            findings.AddRange(outcome.Diagnostics.Where(d => d.Code == DiagnosticCatalog.NotATemplate));
        }
    }
}
