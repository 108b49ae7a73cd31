using SamPerms.Permissions;
using SamPerms.Sam.Core;

namespace SamPerms.Cli;

/// <summary>Reads and transforms one template for the analysis commands, printing its diagnostics.</summary>
public static class TemplateLoading
{
    public sealed record Loaded(TransformOutcome? Outcome, int? Exit);

    public sealed record Mapped(TransformOutcome? Outcome, PermissionMap? Map, int? Exit);

    public static Loaded Transform(string path, TransformOptions options, CliOutput output)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            output.Error($"cannot read {path}: {e.Message}");
            return new Loaded(null, ExitCodes.UsageOrIo);
        }

        var outcome = TemplateTransformer.TransformBytes(bytes, options);
        output.Conceal(NoEchoParameters.Values(outcome.Input, options.ParameterOverrides));
        foreach (var d in outcome.Diagnostics)
        {
            output.Diagnostic(d, path);
        }

        return outcome.Succeeded ? new Loaded(outcome, null) : new Loaded(outcome, ExitCodes.Invalid);
    }

    /// <summary>Transforms the template and computes its permission map.</summary>
    public static Mapped PermissionMap(string path, TransformOptions options, CliOutput output)
    {
        var loaded = Transform(path, options, output);
        return loaded.Exit is { } exit
            ? new Mapped(loaded.Outcome, null, exit)
            : new Mapped(loaded.Outcome, PermissionMapBuilder.Build(loaded.Outcome!, options), null);
    }

    /// <summary>The function or state machine named <paramref name="id"/>; null (and the ones there are, said) when none is.</summary>
    public static Subject? FindSubject(PermissionMap map, string id, string path, CliOutput output)
    {
        if (map.Find(id) is { } subject)
        {
            return subject;
        }

        var known = string.Join(", ", map.Subjects.Select(s => s.SamLogicalId).Distinct());
        output.Error($"no function or state machine '{id}' in {path}" + (known.Length > 0 ? $" (there are: {known})" : ""));
        return null;
    }
}
