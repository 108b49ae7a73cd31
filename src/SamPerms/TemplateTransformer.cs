using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Sam.LanguageExtensions;
using SamPerms.Validation;
using SamPerms.Yaml;

namespace SamPerms;

/// <summary>The outcome of transforming one template: the CloudFormation template, or why there is none.</summary>
public sealed record TransformOutcome(
    Node? Input,
    MapNode? Template,
    IReadOnlyDictionary<string, Origin> Origins,
    IReadOnlyList<Diagnostic> Diagnostics,
    string? ErrorMessage)
{
    public bool Succeeded => Template is not null && !Partial;

    /// <summary>What an analysis transform assumed to go on (placeholders for deploy-time values); none for the plain transform.</summary>
    public IReadOnlyList<Diagnostic> Assumptions { get; init; } = [];

    /// <summary>
    /// SAM rejected part of the template (<see cref="Diagnostics"/> says what): <see cref="Template"/> is the output
    /// of the rest, for analysis only (see <see cref="PartialTransform"/>).
    /// </summary>
    public bool Partial { get; init; }

    /// <summary>In a partial outcome, the resources left out whole (what SAM would generate from them is missing).</summary>
    public IReadOnlyList<string> LeftOut { get; init; } = [];
}

/// <summary>
/// The engine's front door for the transform: read a template (YAML or JSON), expand it as SAM does, and
/// turn any problem into located diagnostics. Never throws on bad input.
/// </summary>
public static class TemplateTransformer
{
    public static TransformOutcome TransformBytes(byte[] bytes, TransformOptions options, ReaderLimits? limits = null)
    {
        var read = TemplateReader.Read(bytes, limits);
        if (!read.Succeeded)
        {
            var message = string.Join(" ", read.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Message));
            return new TransformOutcome(read.Root, null, new Dictionary<string, Origin>(), read.Diagnostics, message);
        }

        return TransformNode(read.Root!, options);
    }

    public static TransformOutcome TransformNode(Node root, TransformOptions options)
    {
        if (root is not MapNode)
        {
            var d = DiagnosticCatalog.NotTemplate("a template must be a mapping with a Resources section", root.Span);
            return new TransformOutcome(root, null, new Dictionary<string, Origin>(), [d], d.Message);
        }

        // What CloudFormation does before SAM: the language extensions, when the template lists them first.
        var extended = LanguageExtensionsStage.Apply((MapNode)root, options);
        if (!extended.Succeeded)
        {
            var errors = extended.Errors.Select(e => DiagnosticCatalog.LanguageExtension(e.Message, e.At.Span)).ToList();
            return new TransformOutcome(root, null, new Dictionary<string, Origin>(), errors, string.Join(" ", errors.Select(e => e.Message)));
        }

        root = extended.Template;
        var result = SamTranslator.Transform(root, options);
        if (result.Succeeded)
        {
            return new TransformOutcome(root, result.Template, result.Origins, [], null);
        }

        return new TransformOutcome(root, null, result.Origins, DiagnosticsOf(result.Error!, root), result.ErrorMessage);
    }

    /// <summary>One diagnostic per cause the reference reports, located at the node that caused it.</summary>
    public static IReadOnlyList<Diagnostic> DiagnosticsOf(InvalidDocumentException error, Node root)
    {
        return error.Causes
            .OrderBy(c => c.SortKey, StringComparer.Ordinal)
            .Select(c => DiagnosticCatalog.Sam(c.Message, (c.At ?? root).Span, null))
            .ToList();
    }
}
