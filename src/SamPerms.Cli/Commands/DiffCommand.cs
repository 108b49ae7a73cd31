using System.CommandLine;
using SamPerms.Cli.Inputs;
using SamPerms.Model;
using SamPerms.Output.Diff;
using SamPerms.Permissions;
using SamPerms.Pipeline;

namespace SamPerms.Cli.Commands;

/// <summary>
/// <c>samperms diff TEMPLATE --intent FILE</c>: what the template grants against what the author declared
/// (missing, excess, unverifiable). <c>samperms diff OLD NEW</c>: the permission change between two versions,
/// each row marked broadening or not. Exit 1 when a finding of a <c>--fail-on</c> kind exists.
/// </summary>
public static class DiffCommand
{
    public static readonly string[] IntentFailOn = ["missing", "excess", "unverifiable", "any", "none"];
    private static readonly string[] BaselineFailOn = ["broadening", "any", "none"];

    public static Command Build(CliOutput output)
    {
        var templates = new Argument<string[]>("template")
        {
            Description = "TEMPLATE... (checked against intent), OLD NEW (compared), or with --git the templates to compare; - reads stdin [default: template.yaml here]",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var templateFile = ReportOptions.TemplateFile(several: true);
        var outputFile = ReportOptions.OutputFile();
        var intent = new Option<string?>("--intent", "-i")
        {
            Description = "Intent file (schemas/intent.schema.json), or 'auto': the intent.yaml beside each template [default: the template's in .samperms.yaml]; inline Metadata: SamPerms: Intent in the template is read too",
        };
        var git = new Option<string?>("--git")
        {
            Description = "Compare each TEMPLATE with its version at this git revision (a branch, tag or commit); without TEMPLATE, every template.yaml/.yml/.json the change touches",
            HelpName = "BASE",
        };
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var format = ReportOptions.Format(DiffFormats.Help, [.. DiffFormats.All.Select(f => f.Name)]);
        var failOn = new Option<string[]>("--fail-on")
        {
            Description = "Exit 1 on findings of these kinds (a comma list, or repeated). Against intent: missing, excess, unverifiable, any (default), none. "
                + "Between versions: broadening (default), any, none",
        };
        var command = new Command("diff", "Compare a template's permissions with intent (--intent), or two versions of a template")
        {
            templates, templateFile, intent, git, format, failOn, outputFile,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            var (paramItems, extraFiles) = CommonOptions.SplitOverrides(parse.GetValue(transform.Parameters) ?? []);
            var files = (parse.GetValue(templateFile) ?? []).Concat(parse.GetValue(templates) ?? []).Concat(extraFiles).ToList();
            var baseRevision = parse.GetValue(git);
            if (files.Count == 0 && baseRevision is null)
            {
                // As sam: template.yaml (then .yml, .json) in the current directory.
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

            if (!transform.TryResolve(parse, paramItems, output, out var options, files.LastOrDefault()))
            {
                return ExitCodes.UsageOrIo;
            }

            var fmt = ReportOptions.FormatOf(parse, format);
            var fail = ReportOptions.Items(parse.GetValue(failOn));
            if (ReportOptions.CheckItems("--fail-on", fail, [.. IntentFailOn.Union(BaselineFailOn)]) is { } badFailOn)
            {
                output.UsageError("diff", badFailOn);
                return ExitCodes.UsageOrIo;
            }

            var intentFile = parse.GetValue(intent);
            var toFile = parse.GetValue(outputFile);
            var text = DiffFormats.Named(fmt).ForTerminal ? output.TextOptions(parse, toFile is not null) : Output.TextOptions.Plain;
            var rendering = new DiffRendering(text, transform.Used?.ToNode());
            var report = new DiffReport(fmt, toFile, [.. files, .. intentFile is null ? [] : new[] { intentFile }], rendering);
            if (baseRevision is { } baseRev)
            {
                if (intentFile is not null)
                {
                    output.UsageError("diff", "--git compares with a git revision; check intent with 'samperms diff TEMPLATE --intent FILE'");
                    return ExitCodes.UsageOrIo;
                }

                var gitFailOn = fail.Count > 0 ? fail : ["broadening"];
                if (gitFailOn.FirstOrDefault(f => !BaselineFailOn.Contains(f)) is { } wrong)
                {
                    output.UsageError("diff", $"--fail-on {wrong}: with --git use {string.Join(", ", BaselineFailOn)}");
                    return ExitCodes.UsageOrIo;
                }

                return DiffGit.Run(baseRev, files, options, report, gitFailOn.Contains("any") ? "any" : gitFailOn.Contains("broadening") ? "broadening" : "none", output);
            }

            if (intentFile is not null || files.Count == 1 || files.Count > 2)
            {
                var intentFailOn = fail.Count > 0 ? fail : ["any"];
                if (intentFailOn.FirstOrDefault(f => !IntentFailOn.Contains(f)) is { } wrong)
                {
                    output.UsageError("diff", $"--fail-on {wrong} applies to 'diff OLD NEW'; against intent use {string.Join(", ", IntentFailOn)}");
                    return ExitCodes.UsageOrIo;
                }

                // Without --intent, the intent file .samperms.yaml names for the template.
                string? FromProject(string template) => transform.ProjectFor(parse, template, output)?.IntentFor(template);
                return DiffIntent.Run(files, intentFile, FromProject, options, report, intentFailOn, output);
            }

            return Baseline(files[0], files[1], options, report, fail.Count > 0 ? fail : ["broadening"], output);
        });
        return command;
    }

    private static int Baseline(string oldPath, string newPath, TransformOptions options, DiffReport how, IReadOnlyList<string> failOn, CliOutput output)
    {
        if (failOn.FirstOrDefault(f => !BaselineFailOn.Contains(f)) is { } wrong)
        {
            output.UsageError("diff", $"--fail-on {wrong} applies to 'diff TEMPLATE --intent FILE'; between versions use {string.Join(", ", BaselineFailOn)}");
            return ExitCodes.UsageOrIo;
        }

        // The two versions are independent: both maps are computed at once (on two cores), messages in order.
        var maps = TemplateLoading.PermissionMaps([oldPath, newPath], options, output);
        var (before, after) = (maps[0], maps[1]);
        if (before.Exit is { } e1)
        {
            return Math.Max(e1, after.Exit ?? 0);
        }

        if (after.Exit is { } e2)
        {
            return e2;
        }

        var section = VersionComparison.Section(InputFile.Shown(oldPath), InputFile.Shown(newPath), before.Map!, after.Map!);
        var any = failOn.Contains("any");
        var text = DiffFormats.Named(how.Format).Versions(new VersionDiffs([section], null, EveryChangeFails: any), how.Rendering);
        var failing = any ? section.Report.Changes.Count : failOn.Contains("broadening") ? section.Report.Broadening : 0;
        return how.Write(text, output) ?? (failing > 0 ? ExitCodes.Invalid : ExitCodes.Ok);
    }

    /// <summary>The functions and state machines of a map, each a test case in CI reports.</summary>
    public static IReadOnlyList<string> Subjects(PermissionMap map) => [.. map.Subjects.Select(s => s.SamLogicalId).Distinct(StringComparer.Ordinal)];

    /// <summary>How and where a diff report is written: its format, --output-file (never an input), its layout and the settings its JSON carries.</summary>
    public sealed record DiffReport(string Format, string? OutputFile, IReadOnlyList<string> Inputs, DiffRendering Rendering)
    {
        public int? Write(string text, CliOutput output) => Outputs.OutputFile.Write(OutputFile, text, Inputs, output);
    }
}
