using SamPerms.Text;
using SamPerms.Validation;

namespace SamPerms.Permissions.Intent;

/// <summary>Diagnostics about intent (SP4xxx): the file or inline metadata is malformed, or names what does not exist.</summary>
public static class IntentDiagnostics
{
    public const string InvalidIntent = "SP4001";
    public const string UnknownSubject = "SP4002";

    public static Diagnostic Invalid(string message, SourceSpan span, string file) =>
        new Diagnostic(InvalidIntent, Severity.Error, message, span).WithFile(file);

    public static Diagnostic Unknown(string id, string kind, SourceSpan span, string file, IEnumerable<string>? known = null) =>
        new Diagnostic(UnknownSubject, Severity.Error,
            $"the intent names {kind} '{id}', which the template does not define{Validation.Suggest.DidYouMean(id, known ?? [])}", span).WithFile(file);
}
