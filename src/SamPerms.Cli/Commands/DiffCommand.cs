using System.CommandLine;
using SamPerms.Cli.Inputs;
using SamPerms.Cli.Outputs;
using SamPerms.Diagnostics;
using SamPerms.Output;
using SamPerms.Permissions;
using SamPerms.Permissions.Baseline;
using SamPerms.Permissions.Intent;
using SamPerms.Sam.Core;

namespace SamPerms.Cli.Commands;

/// <summary>
/// <c>samperms diff TEMPLATE --intent FILE</c>: what the template grants against what the author declared
/// (missing, excess, unverifiable). <c>samperms diff OLD NEW</c>: the permission change between two versions,
/// each row marked broadening or not. Exit 1 when a finding of a <c>--fail-on</c> kind exists.
/// </summary>
public static class DiffCommand
{
    private static readonly string[] IntentFailOn = ["missing", "excess", "unverifiable", "any", "none"];
    private static readonly string[] BaselineFailOn = ["broadening", "any", "none"];

    public static Command Build(CliOutput output)
    {
        var templates = new Argument<string[]>("template")
        {
            Description = "TEMPLATE (checked against intent), or OLD NEW (compared); - reads stdin [default: template.yaml here]",
            Arity = new ArgumentArity(0, 2),
        };
        var templateFile = ReportOptions.TemplateFile(several: false);
        var outputFile = ReportOptions.OutputFile();
        var intent = new Option<string?>("--intent", "-i")
        {
            Description = "Intent file (schemas/intent.schema.json) [default: the template's in .samperms.yaml]; inline Metadata: SamPerms: Intent in the template is read too",
        };
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var format = ReportOptions.Format("text, json or markdown", "text", "json", "markdown");
        var failOn = new Option<string[]>("--fail-on")
        {
            Description = "Exit 1 on findings of these kinds (comma list or repeated). Against intent: missing, excess, unverifiable, any (default), none. "
                + "Between versions: broadening (default), any, none",
        };
        var command = new Command("diff", "Compare a template's permissions with intent (--intent), or two versions of a template")
        {
            templates, templateFile, intent, format, failOn, outputFile,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            var (paramItems, extraFiles) = CommonOptions.SplitOverrides(parse.GetValue(transform.Parameters) ?? []);
            var files = (parse.GetValue(templateFile) ?? []).Concat(parse.GetValue(templates) ?? []).Concat(extraFiles).ToList();
            if (files.Count == 0)
            {
                if (TemplateInputs.One(null, out var noTemplate) is not { } found)
                {
                    output.UsageError("diff", noTemplate!);
                    return ExitCodes.UsageOrIo;
                }

                files.Add(found);
            }

            foreach (var file in files)
            {
                if (TemplateInputs.One(file, out var inputError) is null)
                {
                    output.UsageError("diff", inputError!);
                    return ExitCodes.UsageOrIo;
                }
            }

            if (!transform.TryResolve(parse, paramItems, output, out var options, files[^1]))
            {
                return ExitCodes.UsageOrIo;
            }

            var fmt = ReportOptions.FormatOf(parse, format);
            var fail = ReportOptions.Items(parse.GetValue(failOn));
            var intentFile = parse.GetValue(intent);
            var report = new Report(fmt, parse.GetValue(outputFile), [.. files, .. intentFile is null ? [] : new[] { intentFile }], transform.Used);
            if (files.Count == 2)
            {
                if (intentFile is not null)
                {
                    output.UsageError("diff", "--intent checks one template: use 'samperms diff TEMPLATE --intent FILE', or 'samperms diff OLD NEW' without it");
                    return ExitCodes.UsageOrIo;
                }

                return Baseline(files[0], files[1], options, fail.Count > 0 ? fail : ["broadening"], report, output);
            }

            if (files.Count != 1)
            {
                output.UsageError("diff", "give one template (with --intent) or two (OLD NEW)");
                return ExitCodes.UsageOrIo;
            }

            intentFile ??= transform.Project.IntentFor(files[0]);
            return Intent(files[0], intentFile, options, fail.Count > 0 ? fail : ["any"], report with { Inputs = [.. report.Inputs, .. intentFile is null ? [] : new[] { intentFile }] }, output);
        });
        return command;
    }

    /// <summary>How and where the report is written.</summary>
    private sealed record Report(string Format, string? OutputFile, IReadOnlyList<string> Inputs, SettingsUsed? Used)
    {
        public int? Write(string text, CliOutput output) => Outputs.OutputFile.Write(OutputFile, text, Inputs, output);
    }

    private static int Intent(string path, string? intentFile, TransformOptions options, IReadOnlyList<string> failOn, Report how, CliOutput output)
    {
        if (failOn.FirstOrDefault(f => !IntentFailOn.Contains(f)) is { } wrong)
        {
            output.UsageError("diff", BaselineFailOn.Contains(wrong)
                ? $"--fail-on {wrong} applies to 'diff OLD NEW'; against intent use {string.Join(", ", IntentFailOn)}"
                : ReportOptions.CheckItems("--fail-on", [wrong], IntentFailOn)!);
            return ExitCodes.UsageOrIo;
        }

        var shown = InputFile.Shown(path);
        var (outcome, map, exit) = TemplateLoading.PermissionMap(path, options, output);
        if (exit is { } code)
        {
            return code;
        }

        var (inline, diagnostics) = IntentReader.ReadInline(outcome!.Input, shown);
        var intent = inline;
        if (intentFile is not null)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(intentFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                output.Error($"cannot read {intentFile}: {e.Message}");
                return ExitCodes.UsageOrIo;
            }

            var (fromFile, fileDiagnostics) = IntentReader.ReadFile(bytes, intentFile);
            diagnostics.AddRange(fileDiagnostics);
            intent = fromFile.Over(inline);
        }
        else if (inline.Subjects.Count == 0)
        {
            output.UsageError("diff", $"no intent: give --intent FILE (or name one for the template in .samperms.yaml), or declare it in {shown} under a function's Metadata: SamPerms: Intent");
            return ExitCodes.UsageOrIo;
        }

        diagnostics.AddRange(IntentDiff.Unknown(map!, intent));
        if (diagnostics.Count > 0)
        {
            foreach (var d in diagnostics)
            {
                output.Diagnostic(d, intentFile ?? shown);
            }

            return ExitCodes.UsageOrIo;
        }

        var report = IntentDiff.Run(map!, intent);
        var text = how.Format switch
        {
            "json" => SettingsField.AddTo(IntentDiffJson.Build(report, shown), how.Used),
            "markdown" => IntentDiffMarkdown.Write(report, shown),
            _ => IntentDiffText.Write(report, shown),
        };
        var failing = failOn.Sum(f => f switch
        {
            "missing" => report.Count(FindingKind.Missing),
            "excess" => report.Count(FindingKind.Excess),
            "unverifiable" => report.Count(FindingKind.Unverifiable),
            "none" => 0,
            _ => report.Findings.Count,
        });
        return how.Write(text, output) ?? (failing > 0 ? ExitCodes.Invalid : ExitCodes.Ok);
    }

    private static int Baseline(string oldPath, string newPath, TransformOptions options, IReadOnlyList<string> failOn, Report how, CliOutput output)
    {
        if (failOn.FirstOrDefault(f => !BaselineFailOn.Contains(f)) is { } wrong)
        {
            output.UsageError("diff", IntentFailOn.Contains(wrong)
                ? $"--fail-on {wrong} applies to 'diff TEMPLATE --intent FILE'; between versions use {string.Join(", ", BaselineFailOn)}"
                : ReportOptions.CheckItems("--fail-on", [wrong], BaselineFailOn)!);
            return ExitCodes.UsageOrIo;
        }

        var before = TemplateLoading.PermissionMap(oldPath, options, output);
        var after = TemplateLoading.PermissionMap(newPath, options, output);
        if (before.Exit is { } e1)
        {
            return Math.Max(e1, after.Exit ?? 0);
        }

        if (after.Exit is { } e2)
        {
            return e2;
        }

        var report = BaselineDiff.Run(before.Map!, after.Map!);
        var (oldShown, newShown) = (InputFile.Shown(oldPath), InputFile.Shown(newPath));
        var text = how.Format switch
        {
            "json" => SettingsField.AddTo(BaselineDiffJson.Build(report, oldShown, newShown), how.Used),
            "markdown" => BaselineDiffMarkdown.Write(report, oldShown, newShown),
            _ => BaselineDiffText.Write(report, oldShown, newShown),
        };
        var failing = failOn.Sum(f => f switch
        {
            "broadening" => report.Broadening,
            "none" => 0,
            _ => report.Changes.Count,
        });
        return how.Write(text, output) ?? (failing > 0 ? ExitCodes.Invalid : ExitCodes.Ok);
    }
}
