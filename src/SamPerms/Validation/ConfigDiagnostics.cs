using SamPerms.Text;

namespace SamPerms.Validation;

/// <summary>Diagnostics about SamPerms' own files (SP5xxx): the project configuration or a baseline is malformed.</summary>
public static class ConfigDiagnostics
{
    public const string InvalidConfiguration = "SP5001";

    public static Diagnostic Invalid(string message, SourceSpan span, string file) =>
        new Diagnostic(InvalidConfiguration, Severity.Error, message, span).WithFile(file);
}
