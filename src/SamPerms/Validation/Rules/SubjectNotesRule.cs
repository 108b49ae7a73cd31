using SamPerms.Diagnostics;
using SamPerms.Permissions.Effective;

namespace SamPerms.Validation.Rules;

/// <summary>
/// The effective-access notes of the permission map (policies SAM ignores, permissions a function or workflow
/// evidently needs and lacks), each at the line that creates it, under the code the note carries.
/// </summary>
public sealed class SubjectNotesRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.PoliciesIgnoredDescriptor, DiagnosticCatalog.NamedResourceNotGrantedDescriptor, DiagnosticCatalog.DeliveryNotGrantedDescriptor, DiagnosticCatalog.KeyNotUsableDescriptor, DiagnosticCatalog.KeyUseNotGrantedDescriptor, DiagnosticCatalog.ServiceKeyNotAllowedDescriptor, DiagnosticCatalog.WorkflowTaskNotGrantedDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.PermissionMap is not { } map)
        {
            return;
        }

        var seen = new HashSet<(string, Text.SourceSpan, string)>();
        foreach (var note in map.Subjects.SelectMany(s => s.Notes).Concat(map.Notes))
        {
            if (Reports.FirstOrDefault(d => d.Code == note.Code) is { } descriptor && seen.Add((note.Code, note.Source.Span, note.Message)))
            {
                findings.Add(descriptor.At(note.Source.Span, note.Message, context.Index.At(note.Source.Span)?.Path));
            }
        }
    }
}
