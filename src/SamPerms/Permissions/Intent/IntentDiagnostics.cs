using SamPerms.Diagnostics;
using SamPerms.Text;

namespace SamPerms.Permissions.Intent;

/// <summary>Diagnostics about intent (SP4xxx): the file or inline metadata is malformed, or names what does not exist.</summary>
public static class IntentDiagnostics
{
    public static Diagnostic Invalid(string message, SourceSpan span, string file) =>
        DiagnosticCatalog.InvalidIntentDescriptor.At(span, message).WithFile(file);

    public static Diagnostic Unknown(string id, string kind, SourceSpan span, string file, IEnumerable<string>? known = null) =>
        DiagnosticCatalog.UnknownSubjectDescriptor.At(span,
            $"the intent names {kind} '{id}', which the template does not define{Suggest.DidYouMean(id, known ?? [])}").WithFile(file);
}
