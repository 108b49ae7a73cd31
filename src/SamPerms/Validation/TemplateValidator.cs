using SamPerms.Diagnostics;
using SamPerms.Sam;
using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Sam.Core;
using SamPerms.Yaml;

namespace SamPerms.Validation;

/// <summary>How to validate: the transform's settings, codes to ignore, reader limits, and (for tests) the rules.</summary>
public sealed record ValidationOptions
{
    public TransformOptions Transform { get; init; } = new();

    public IReadOnlyCollection<string> Ignore { get; init; } = [];

    public ReaderLimits? Limits { get; init; }

    /// <summary>The folder local artifact paths are relative to (the template's); null: they are not looked up.</summary>
    public string? TemplateDirectory { get; init; }

    /// <summary>The rules to run; <see cref="RuleRegistry.All"/> when null.</summary>
    public IReadOnlyList<IValidationRule>? Rules { get; init; }
}

/// <summary>The findings about one template, in source order, and those the user suppressed.</summary>
public sealed record ValidationReport(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Diagnostic> Suppressed, TransformOutcome? Outcome)
{
    public bool HasAtLeast(Severity severity) => Diagnostics.Any(d => d.Severity >= severity);
}

/// <summary>
/// <c>samperms validate</c>'s engine: read the template, transform it as SAM does, run every rule on the input
/// and the output, place each finding in the template, and drop what the user suppressed.
/// </summary>
public static class TemplateValidator
{
    /// <summary>The report of a file that could not be read: one located finding saying why, so a batch goes on.</summary>
    public static ValidationReport Unreadable(string file, string reason, ValidationOptions options) =>
        Run(new ReadResult(null, [DiagnosticCatalog.UnreadableFileDescriptor.At(new Text.SourceSpan(1, 1, 1, 1), $"cannot read {file}: {reason}")]), options, file);

    /// <summary>The report of an input refused before it was read (over the size limit): that finding.</summary>
    public static ValidationReport Refused(string file, Diagnostic refusal, ValidationOptions options) =>
        Run(TemplateReader.Refused(refusal), options, file);

    public static ValidationReport Validate(byte[] bytes, ValidationOptions options, string? file = null) =>
        Run(TemplateReader.Read(bytes, options.Limits), options, file);

    public static ValidationReport ValidateText(string text, ValidationOptions options, string? file = null) =>
        Run(TemplateReader.ReadText(text, options.Limits), options, file);

    private static ValidationReport Run(ReadResult read, ValidationOptions options, string? file)
    {
        var rules = options.Rules ?? RuleRegistry.All;
        var outcome = read.Succeeded ? AnalysisTransform.Run(read.Root!, options.Transform, salvage: true) : null;
        // The rules read the template as SAM receives it: after the language extensions (same spans as the source).
        var input = read.Succeeded ? outcome?.Input ?? read.Root : null;
        var context = new ValidationContext(input, read.Diagnostics, outcome, options.Transform) { TemplateDirectory = options.TemplateDirectory };
        if (options.Rules is null && IsMapWorthAThread(outcome))
        {
            // The permission map, which the last rules need, is built on the other core while the first rules run.
            outcome!.Input?.SettleForReading();
            outcome.Template?.SettleForReading();
            context.StartPermissionMap();
        }

        var findings = new List<Diagnostic>();
        foreach (var rule in rules)
        {
            rule.Check(context, findings);
        }

        var suppressions = new Suppressions(options.Ignore, context.Input);
        var kept = new List<Diagnostic>();
        var suppressed = new List<Diagnostic>();
        var seen = new HashSet<(string, Text.SourceSpan, string)>();
        // One mistake, one finding: SAM's generic error gives way to a specific code on the same line.
        var specific = findings.Where(d => d.Severity == Severity.Error && d.Code != DiagnosticCatalog.SamTransformError && d.Span.IsKnown).Select(d => d.Span.Line).ToHashSet();
        foreach (var d in findings.Where(d => (d.Code != DiagnosticCatalog.SamTransformError || !specific.Contains(d.Span.Line)) && !AboutLeftOut(d, outcome)).Select(d => Place(d, context).WithFile(file)))
        {
            if (!seen.Add((d.Code, d.Span, d.Message)))
            {
                continue;
            }

            (suppressions.IsSuppressed(d) ? suppressed : kept).Add(d);
        }

        // Suppressions written in the template that suppressed nothing (unless that code is ignored everywhere).
        kept.AddRange(suppressions.Unused().Select(d => d.WithFile(file)).Where(d => !suppressions.IsIgnoredEverywhere(d)));

        return new ValidationReport(Sort(kept), Sort(suppressed), outcome);
    }

    // Below this many output resources the permission map costs less than handing it to another thread.
    private const int MapThreadFrom = 256;

    private static bool IsMapWorthAThread(TransformOutcome? outcome) =>
        Environment.ProcessorCount >= 2 && outcome?.Template?.Get("Resources") is MapNode { Count: >= MapThreadFrom };

    /// <summary>
    /// A reference finding naming a resource SAM rejected whole (or one SAM would have generated from it, FnRole of
    /// Fn): it exists once the template is fixed, so the partial output's lack of it is no finding.
    /// </summary>
    private static bool AboutLeftOut(Diagnostic d, TransformOutcome? outcome) =>
        outcome is { LeftOut.Count: > 0 } && d.Code.StartsWith("SP22", StringComparison.Ordinal)
        && outcome.LeftOut.Any(id => d.Message.Contains("'" + id, StringComparison.Ordinal) || d.Message.Contains("${" + id, StringComparison.Ordinal));

    /// <summary>Gives a finding its template path when the rule knew only the span.</summary>
    private static Diagnostic Place(Diagnostic d, ValidationContext context)
    {
        if (d.Path is not null || !d.Span.IsKnown || context.Root is null)
        {
            return d;
        }

        if (context.Index.At(d.Span) is { } exact)
        {
            return d with { Path = exact.Path };
        }

        return SourceIndex.Containing(context.Root, d.Span) is { } found && found.Path.Length > 0 ? d with { Path = found.Path } : d;
    }

    private static List<Diagnostic> Sort(List<Diagnostic> list) =>
        [.. list.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)];
}
