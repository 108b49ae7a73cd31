using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A local path that `sam build` / `sam package` would not find: a function's CodeUri (or the Globals' one), a
/// layer's ContentUri, an API's, HTTP API's or state machine's DefinitionUri, relative to the template's folder.
/// </summary>
public sealed class LocalArtifactRule : IValidationRule
{
    private static readonly (string Type, string Property)[] Artifacts =
    [
        ("AWS::Serverless::Function", "CodeUri"),
        ("AWS::Serverless::LayerVersion", "ContentUri"),
        ("AWS::Serverless::Api", "DefinitionUri"),
        ("AWS::Serverless::HttpApi", "DefinitionUri"),
        ("AWS::Serverless::StateMachine", "DefinitionUri"),
    ];

    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.LocalArtifactMissingDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.TemplateDirectory is not { } directory || !context.Options.LocalArtifacts || context.Input is not { } input)
        {
            return;
        }

        foreach (var e in context.InputResources.Entries)
        {
            if (e.Value is not MapNode resource || resource.Get("Properties") is not MapNode props)
            {
                continue;
            }

            var type = resource.Get("Type")?.Str;
            foreach (var (_, property) in Artifacts.Where(a => a.Type == type))
            {
                Report(context, findings, directory, props.Get(property), $"{property} of {e.Key}");
            }
        }

        if ((input.Get("Globals") as MapNode)?.Get("Function") is MapNode globals)
        {
            Report(context, findings, directory, globals.Get("CodeUri"), "CodeUri of Globals.Function");
        }
    }

    private static void Report(ValidationContext context, List<Diagnostic> findings, string directory, Node? value, string what)
    {
        // A ${placeholder} is filled in by a script before packaging: not a path to look for.
        if (value is not StringNode path || !S3Locations.IsLocalPath(path.Value) || path.Value.Contains("${", StringComparison.Ordinal)
            || Exists(directory, path.Value))
        {
            return;
        }

        var at = context.Where(path);
        findings.Add(DiagnosticCatalog.LocalArtifactMissingDescriptor.At(path.Span,
            $"{what}: '{path.Value}' does not exist next to the template; sam build and sam package will fail", at.Path));
    }

    private static bool Exists(string directory, string relative)
    {
        try
        {
            var full = Path.GetFullPath(Path.Combine(directory, relative));
            return File.Exists(full) || Directory.Exists(full);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // Not a path the file system can hold: it does not exist either.
            return false;
        }
    }
}
