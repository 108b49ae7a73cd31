using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Yaml;

namespace SamPerms.Permissions.Effective.Workflows;

/// <summary>
/// A state machine's definition as far as it can be read before deploy: a SAM state machine's Definition (with
/// its intrinsics in place) or its local DefinitionUri file (JSON or YAML, relative to the template), a plain
/// AWS::StepFunctions::StateMachine's Definition or DefinitionString (rendered, then read as JSON), and the
/// DefinitionSubstitutions its ${name} placeholders take. <see cref="At"/> is set when the definition's lines are
/// not the template's (a file, a string): every finding is placed there, and <see cref="File"/> names the file.
/// </summary>
internal sealed record WorkflowDefinition(Node Root, MapNode? Substitutions, Source? At, string? File)
{
    public static WorkflowDefinition? Of(AnalysisContext ctx, Subject subject)
    {
        if (ctx.InputResources.Get(subject.SamLogicalId) is MapNode input && input.Get("Type")?.Str == "AWS::Serverless::StateMachine")
        {
            var props = input.Get("Properties") as MapNode;
            var substitutions = props?.Get("DefinitionSubstitutions") as MapNode;
            if (props?.Get("Definition") is MapNode inline)
            {
                return new WorkflowDefinition(inline, substitutions, null, null);
            }

            return props?.Get("DefinitionUri") is StringNode uri && LocalFile(ctx, uri.Value) is { } root
                ? new WorkflowDefinition(root, substitutions, ctx.Locate(subject.SamLogicalId, uri, "DefinitionUri"), uri.Value)
                : null;
        }

        if (subject.SamLogicalId != subject.LogicalId || ctx.Properties(subject.LogicalId) is not { } cfn)
        {
            return null;
        }

        var subs = cfn.Get("DefinitionSubstitutions") as MapNode;
        if (cfn.Get("Definition") is MapNode definition)
        {
            return new WorkflowDefinition(definition, subs, null, null);
        }

        if (cfn.Get("DefinitionString") is { } text && TemplateReader.ReadText(ctx.Values.Render(text).Text) is { Succeeded: true, Root: MapNode parsed })
        {
            return new WorkflowDefinition(parsed, subs, ctx.Locate(subject.SamLogicalId, text, "DefinitionString"), null);
        }

        return null;
    }

    /// <summary>The definition file a local DefinitionUri names; null when it is not there or not readable (SP2301 says so).</summary>
    private static MapNode? LocalFile(AnalysisContext ctx, string path)
    {
        if (ctx.TemplateDirectory is not { } directory || !S3Locations.IsLocalPath(path) || path.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var full = Path.GetFullPath(Path.Combine(directory, path));
            if (!System.IO.File.Exists(full) || new FileInfo(full).Length > ReaderLimits.Default.MaxBytes)
            {
                return null;
            }

            return TemplateReader.Read(System.IO.File.ReadAllBytes(full)) is { Succeeded: true, Root: MapNode root } ? root : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
