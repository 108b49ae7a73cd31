using SamPerms.Model;
using SamPerms.Yaml;
using SamPerms.Sam.Core;
using SamPerms.Diagnostics;

namespace SamPerms.Sam;

/// <summary>
/// The transform as the analysis commands (validate, permissions, diff, can) use it: where SAM needs something
/// only deploy or the network provides, analysis goes on with a stated assumption instead of stopping. A
/// Serverless Application Repository application gets a placeholder template URL (SP2004). When SAM rejects the
/// template only because a parameter without Default or override has no value where SAM needs a literal
/// (AutoPublishAlias: !Ref AliasName), it is transformed again with a placeholder for each such parameter, as
/// cfn-lint does, and each place SAM needed one says so (SP2003). The transform command keeps SAM's behaviour.
/// </summary>
public static class AnalysisTransform
{
    /// <summary>Reads the template, then <see cref="Run"/>; a template that cannot be read fails as the transform does.</summary>
    public static TransformOutcome RunBytes(byte[] bytes, TransformOptions options)
    {
        var read = TemplateReader.Read(bytes);
        return read.Succeeded ? Run(read.Root!, options) : SamTranslator.TransformBytes(bytes, options);
    }

    /// <param name="salvage">When SAM rejects part of the template, analyse the rest (<see cref="PartialTransform"/>): for validation.</param>
    public static TransformOutcome Run(Node root, TransformOptions options, bool salvage = false)
    {
        var offline = options with { OfflinePlaceholders = true };
        var outcome = SamTranslator.Transform(root, offline);
        var assumptions = new List<Diagnostic>(Applications(outcome.Input as MapNode));
        if (!outcome.Succeeded && outcome.Input is MapNode input && DeployTimeParameters.Missing(input, options) is { Count: > 0 } missing)
        {
            var values = DeployTimeParameters.WithPlaceholders(input, options, missing);
            var retry = SamTranslator.Transform(root, offline with { ParameterOverrides = values });
            if (retry.Succeeded)
            {
                assumptions.AddRange(DeployTimeParameters.Describe(outcome, missing, values));
                outcome = retry;
            }
        }

        if (assumptions.Count > 0)
        {
            outcome = outcome with { Assumptions = assumptions };
        }

        return salvage && !outcome.Succeeded ? PartialTransform.Salvage(outcome, offline) : outcome;
    }

    /// <summary>SP2004 at the Location of each repository application: not checked offline.</summary>
    private static IEnumerable<Diagnostic> Applications(MapNode? template)
    {
        if (template?.Get("Resources") is not MapNode resources)
        {
            yield break;
        }

        foreach (var e in resources.Entries)
        {
            if (e.Value is MapNode r && r.Get("Type")?.Str == "AWS::Serverless::Application"
                && (r.Get("Properties") as MapNode)?.Get("Location") is MapNode location && location.Get("ApplicationId") is { } id)
            {
                var name = id is StringNode s ? s.Value : "the application";
                yield return DiagnosticCatalog.OfflineApplicationDescriptor.At(location.Span,
                    $"{e.Key}: Serverless Application Repository application {name} is not checked offline (SAM asks the repository for its template at deploy); the rest of the template is checked");
            }
        }
    }
}
