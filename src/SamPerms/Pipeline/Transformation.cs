using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Validation;
using SamPerms.Yaml;

namespace SamPerms.Pipeline;

/// <summary>
/// The transform as the <c>transform</c> command offers it: the outcome, and whether the template only fails
/// because it is not packaged yet (it transforms when local paths are accepted).
/// </summary>
public sealed record Transformation(TransformOutcome Outcome, bool NotPackaged)
{
    /// <summary>Parameters without Default or override whose values alone stop SAM (it transforms with placeholders for them).</summary>
    public IReadOnlyList<string> MissingParameters { get; init; } = [];

    /// <summary>
    /// Resources of a misspelled AWS::Serverless type (SP2101): SAM passes them through and CloudFormation refuses
    /// them, so a transform that succeeded with any of these is rejected.
    /// </summary>
    public IReadOnlyList<Diagnostic> UnknownTypes { get; init; } = [];

    /// <summary>The transform succeeded and no resource has an unknown SAM type: the template is the result.</summary>
    public bool Accepted => Outcome.Succeeded && UnknownTypes.Count == 0;

    /// <summary>Transforms <paramref name="bytes"/> (named <paramref name="file"/> in the unknown types' findings).</summary>
    public static Transformation Run(byte[] bytes, TransformOptions options, string? file = null)
    {
        // Read once: the transform leaves the tree it is given as it was read, so the second try reuses it.
        var read = TemplateReader.Read(bytes);
        var outcome = read.Succeeded ? SamTranslator.Transform(read.Root!, options) : SamTranslator.TransformBytes(bytes, options);
        bool notPackaged = !outcome.Succeeded && !options.LocalArtifacts && read.Succeeded && outcome.MetLocalArtifact
            && SamTranslator.Transform(read.Root!, options with { LocalArtifacts = true }).Succeeded;
        IReadOnlyList<string> missing = [];
        if (!outcome.Succeeded && outcome.Input is MapNode input && DeployTimeParameters.Missing(input, options) is { Count: > 0 } names
            && SamTranslator.Transform(input, options with { ParameterOverrides = DeployTimeParameters.WithPlaceholders(input, options, names) }).Succeeded)
        {
            missing = names;
        }

        return new Transformation(outcome, notPackaged)
        {
            MissingParameters = missing,
            UnknownTypes = outcome.Succeeded ? UnknownSamTypes.Find(outcome.Input as MapNode, options, file) : [],
        };
    }

    /// <summary>An input refused before it was read (over the size limit): fails with that diagnostic.</summary>
    public static Transformation Refused(Diagnostics.Diagnostic refusal) => new(TransformOutcome.Refused(refusal), false);

    /// <summary>NAME.error.json for a run that is not <see cref="Accepted"/>: SAM's error, or the unknown types.</summary>
    public string ErrorReportText(string file) => ErrorReport.Write(
        Outcome.Succeeded ? Outcome with { ErrorMessage = string.Join(" ", UnknownTypes.Select(d => d.Message)), Diagnostics = [.. UnknownTypes] } : Outcome,
        file);

    /// <summary>What to tell the user when SAM needs values of <see cref="MissingParameters"/>.</summary>
    public static string MissingParametersHint(string path, IReadOnlyList<string> missing) =>
        $"hint: {path}: SAM needs values for parameters without a Default ({string.Join(", ", missing)}; CloudFormation asks for them at deploy); pass --parameter-overrides {string.Join(" ", missing.Select(m => m + "=VALUE"))}";

    /// <summary>What to tell the user when <see cref="NotPackaged"/>.</summary>
    public static string NotPackagedHint(string path) =>
        $"hint: {path} is not packaged yet (local code paths, or images that sam build builds): SAM transforms the packaged template (`sam package`); pass --local-artifacts to keep the paths and see the rest";
}
