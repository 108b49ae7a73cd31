using SamPerms.Cli.Inputs;
using SamPerms.Output;
using SamPerms.Model;
using SamPerms.Output.Diff;
using SamPerms.Permissions.Intent;
using SamPerms.Pipeline;

namespace SamPerms.Cli.Commands;

/// <summary>
/// <c>samperms diff TEMPLATE... --intent FILE|auto</c>: each template against its author's intent. With
/// <c>auto</c> a template's intent is the intent.yaml (or .yml) beside it, over what it declares inline; a
/// template with neither is said to be not checked. The format (<see cref="DiffFormats"/>) writes one template as
/// its report, several as a section each.
/// </summary>
public static class DiffIntent
{
    public const string Auto = "auto";

    public static int Run(IReadOnlyList<string> templates, string? intentFile, Func<string, string?> fromProject, TransformOptions options, DiffCommand.DiffReport how, IReadOnlyList<string> failOn, CliOutput output)
    {
        var auto = intentFile == Auto && !File.Exists(Auto);
        var results = new List<IntentSection>();
        var exit = ExitCodes.Ok;
        foreach (var template in templates)
        {
            var file = auto ? Beside(template) : intentFile ?? fromProject(template);
            var (run, map, stop) = TemplateLoading.PermissionMap(template, options, output);
            if (stop is { } code)
            {
                exit = Math.Max(exit, code);
                continue;
            }

            var check = IntentCheck.Run(run, file);
            if (check.Error is { } error)
            {
                if (auto && file is null)
                {
                    output.Error($"{template}: no intent.yaml beside it and no inline intent; not checked");
                    continue;
                }

                output.Error(error);
                exit = ExitCodes.UsageOrIo;
                continue;
            }

            if (check.Diagnostics.Count > 0)
            {
                foreach (var d in check.Diagnostics)
                {
                    output.Diagnostic(d, check.DiagnosticsFile);
                }

                exit = ExitCodes.UsageOrIo;
                continue;
            }

            results.Add(new IntentSection(InputFile.Shown(template), file, check.Report!, DiffCommand.Subjects(map!)));
        }

        bool Fails(FindingKind kind) => failOn.Contains("any") || failOn.Contains(IntentDiffJson.KindName(kind));
        var diffs = new IntentDiffs(results, Several: templates.Count > 1 || auto, Fails);
        var failing = results.Sum(r => r.Report.Findings.Count(f => Fails(f.Kind)));
        return how.Write(DiffFormats.Named(how.Format).Intent(diffs, how.Rendering), output) ?? Math.Max(exit, failing > 0 ? ExitCodes.Invalid : ExitCodes.Ok);
    }

    /// <summary>The intent file beside a template: intent.yaml, else intent.yml; null when there is none.</summary>
    public static string? Beside(string template)
    {
        var dir = Path.GetDirectoryName(template) is { Length: > 0 } d ? d : ".";
        return new[] { "intent.yaml", "intent.yml" }.Select(n => Path.Combine(dir, n)).FirstOrDefault(File.Exists) is { } found
            ? (dir == "." && !template.StartsWith("./", StringComparison.Ordinal) ? Path.GetFileName(found) : found)
            : null;
    }
}
