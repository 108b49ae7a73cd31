using SamPerms.Diagnostics;
using SamPerms.Text;

namespace SamPerms.Validation;

/// <summary>Diagnostics about SamPerms' own files (SP5001): the project configuration or a baseline is malformed.</summary>
public static class ConfigDiagnostics
{
    public static Diagnostic Invalid(string message, SourceSpan span, string file) =>
        DiagnosticCatalog.InvalidConfigurationDescriptor.At(span, message).WithFile(file);
}
