using SamPerms.Text;

namespace SamPerms.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One finding about a template. A value, not an exception: code, severity, message, where it is in the source
/// (span: start and end line/column, and the template path such as <c>Resources.Fn.Properties.Policies[1]</c>).
/// A finding about a resource SAM generates is placed at the SAM property that produced it. Line and column
/// are turned into text only when printing.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceSpan Span, string? Path = null)
{
    public string? File { get; init; }

    /// <summary>The logical id of the resource the finding is about (from its path <c>Resources.Id...</c>), if any.</summary>
    public string? ResourceId => ResourceOf(Path);

    public int Line => Span.Line;

    public int Column => Span.Column;

    public int EndLine => Span.IsKnown ? Math.Max(Span.EndLine, Span.Line) : 0;

    public int EndColumn => Span.IsKnown ? (Span.EndLine > Span.Line || Span.EndColumn > Span.Column ? Span.EndColumn : Span.Column + 1) : 0;

    public Diagnostic WithFile(string? file) => this with { File = file };

    public string SeverityText => SeverityName(Severity);

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Parses "error", "warning" or "info".</summary>
    public static Severity? ParseSeverity(string? text) => text?.ToLowerInvariant() switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => null,
    };

    /// <summary><c>file:line:col: error CODE: message</c>, the form compilers and editors understand.</summary>
    public string Format(string? fallbackFile = null)
    {
        var file = File ?? fallbackFile ?? "template";
        var where = Span.IsKnown ? $"{file}:{Span.Line}:{Span.Column}" : file;
        return $"{where}: {SeverityText} {Code}: {Message}";
    }

    /// <summary>The logical id in a template path <c>Resources.Id...</c> (up to the next '.' or '['); null for other paths.</summary>
    public static string? ResourceOf(string? path)
    {
        const string Prefix = "Resources.";
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path.AsSpan(Prefix.Length);
        int end = rest.IndexOfAny('.', '[');
        return (end < 0 ? rest : rest[..end]).ToString();
    }
}
