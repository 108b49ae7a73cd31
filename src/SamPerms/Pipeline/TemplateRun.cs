using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Validation;

namespace SamPerms.Pipeline;

/// <summary>
/// One template through the engine: read, transformed and (for the analysis commands) mapped. Exactly one of
/// <see cref="ReadError"/> and <see cref="Outcome"/> is set; <see cref="Map"/> only when the transform succeeded.
/// </summary>
public sealed record TemplateRun(string Path, string? ReadError, TransformOutcome? Outcome, PermissionMap? Map)
{
    public bool Succeeded => Outcome is { Succeeded: true };

    /// <summary>The values of the template's NoEcho parameters (never to be printed).</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>
    /// For a mapped run: resources of a misspelled AWS::Serverless type (SP2101), which SAM passes through and
    /// CloudFormation refuses; the analysis commands stop on them as on a failed transform.
    /// </summary>
    public IReadOnlyList<Diagnostic> UnknownTypes { get; init; } = [];

    /// <summary>Transformed, mapped, and no resource of an unknown SAM type: the analysis can go on.</summary>
    public bool Accepted => Succeeded && UnknownTypes.Count == 0;

    /// <summary>Reads and transforms the template at <paramref name="path"/>.</summary>
    public static TemplateRun Transform(string path, TransformOptions options)
    {
        var read = FileInput.Read(path);
        return read.Bytes is { } bytes
            ? Secretive(new TemplateRun(path, null, SamTranslator.TransformBytes(bytes, options), null), options)
            : Unread(read);
    }

    /// <summary>Reads and transforms the template, then computes its permission map (all of it, or what <paramref name="scope"/> asks) from the transformed template.</summary>
    /// <remarks>
    /// The analysis transform: where SAM needs what only deploy or the network provides (a parameter without
    /// Default, a repository application), it goes on with a placeholder and says so in the outcome's Assumptions.
    /// </remarks>
    public static TemplateRun Mapped(string path, TransformOptions options, MapScope? scope = null)
    {
        var read = FileInput.Read(path);
        return read.Bytes is { } bytes
            ? MappedBytes(path, bytes, options with { TemplateDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) }, scope)
            : Unread(read);
    }

    /// <summary>A template that was not read: refused for its size (a failed outcome, SP1005), or a read error.</summary>
    public static TemplateRun Unread(FileRead read) => read.Refusal is { } refusal
        ? new TemplateRun(read.Path, null, TransformOutcome.Refused(refusal), null)
        : new TemplateRun(read.Path, read.Error, null, null);

    /// <summary>A template given as bytes (a git revision's version, standard input), named <paramref name="label"/> in messages.</summary>
    public static TemplateRun MappedBytes(string label, byte[] bytes, TransformOptions options, MapScope? scope = null)
    {
        Data.TableWarmUp.ManagedPolicies();
        return WithMap(Secretive(new TemplateRun(label, null, AnalysisTransform.RunBytes(bytes, options), null), options), options, scope);
    }

    private static TemplateRun WithMap(TemplateRun run, TransformOptions options, MapScope? scope) =>
        run.Succeeded
            ? run with
            {
                Map = PermissionMapBuilder.Build(run.Outcome!, options, scope),
                UnknownTypes = UnknownSamTypes.Find(run.Outcome!.Input as MapNode, options, run.Path),
            }
            : run;

    private static TemplateRun Secretive(TemplateRun run, TransformOptions options) =>
        run with { Secrets = NoEchoParameters.Values(run.Outcome?.Input, options.ParameterOverrides) };
}
