namespace SamPerms.Diagnostics;

/// <summary>
/// What one diagnostic code means: its default severity, a short title (SARIF <c>shortDescription</c>, the README
/// table) and help text saying why it matters and what to change (SARIF <c>help</c>).
/// </summary>
public sealed record DiagnosticDescriptor(string Code, Severity DefaultSeverity, string Category, string Title, string Help)
{
    /// <summary>A finding of this code with its default severity.</summary>
    public Diagnostic At(Text.SourceSpan span, string message, string? path = null) =>
        new(Code, DefaultSeverity, message, span, path);

    public Diagnostic At(Text.SourceSpan span, Severity severity, string message, string? path = null) =>
        new(Code, severity, message, span, path);
}
