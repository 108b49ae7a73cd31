using SamPerms.Text;

namespace SamPerms.Validation;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One finding about a template. A value, not an exception: code, severity, message, where it is in the source
/// (span, and the template path such as <c>Resources.Fn.Properties.Policies[1]</c>). Line and column are
/// turned into text only when printing.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceSpan Span, string? Path = null)
{
    public string? File { get; init; }

    public Diagnostic WithFile(string? file) => this with { File = file };

    public Diagnostic WithSpan(SourceSpan span) => Span.IsKnown ? this : this with { Span = span };

    public string SeverityText => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary><c>file:line:col: error CODE: message</c>, the form compilers and editors understand.</summary>
    public string Format(string? fallbackFile = null)
    {
        var file = File ?? fallbackFile ?? "template";
        var where = Span.IsKnown ? $"{file}:{Span.Line}:{Span.Column}" : file;
        return $"{where}: {SeverityText} {Code}: {Message}";
    }
}
