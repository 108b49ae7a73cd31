using System.CommandLine;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Permissions;
using SamPerms.Permissions.Baseline;
using SamPerms.Permissions.Intent;
using SamPerms.Pipeline;

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
            Description = "TEMPLATE (checked against intent), or OLD NEW (compared)",
            Arity = new ArgumentArity(1, 2),
        };
        var intent = new Option<string?>("--intent", "-i")
        {
            Description = "Intent file (schemas/intent.schema.json); inline Metadata: SamPerms in the template is read too",
        };
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var format = new Option<string>("--format", "-f") { Description = "text, json or markdown", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Exit 1 on findings of this kind. Against intent: missing, excess, unverifiable, any (default), none. "
                + "Between versions: broadening (default), any, none",
        };
        failOn.AcceptOnlyFromAmong([.. IntentFailOn.Union(BaselineFailOn)]);
        var command = new Command("diff", "Compare a template's permissions with intent (--intent), or two versions of a template")
        {
            templates, intent, format, failOn,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            var (paramItems, extraFiles) = CommonOptions.SplitOverrides(parse.GetValue(transform.Parameters) ?? []);
            if (!transform.TryResolve(parse, paramItems, output, out var options))
            {
                return ExitCodes.UsageOrIo;
            }

            var files = (parse.GetValue(templates) ?? []).Concat(extraFiles).ToList();
            var fmt = parse.GetValue(format) ?? "text";
            var fail = parse.GetValue(failOn);
            var intentFile = parse.GetValue(intent);
            if (files.Count == 2)
            {
                if (intentFile is not null)
                {
                    output.Error("--intent checks one template: use 'samperms diff TEMPLATE --intent FILE', or 'samperms diff OLD NEW' without it");
                    return ExitCodes.UsageOrIo;
                }

                return Baseline(files[0], files[1], options, fmt, fail ?? "broadening", output);
            }

            if (files.Count != 1)
            {
                output.Error("give one template (with --intent) or two (OLD NEW)");
                return ExitCodes.UsageOrIo;
            }

            return Intent(files[0], intentFile, options, fmt, fail ?? "any", output);
        });
        return command;
    }

    private static int Intent(string path, string? intentFile, TransformOptions options, string format, string failOn, CliOutput output)
    {
        if (!IntentFailOn.Contains(failOn))
        {
            output.Error($"--fail-on {failOn} applies to 'diff OLD NEW'; against intent use {string.Join(", ", IntentFailOn)}");
            return ExitCodes.UsageOrIo;
        }

        var (run, _, exit) = TemplateLoading.PermissionMap(path, options, output);
        if (exit is { } code)
        {
            return code;
        }

        var check = IntentCheck.Run(run, intentFile);
        if (check.Error is { } error)
        {
            output.Error(error);
            return ExitCodes.UsageOrIo;
        }

        if (check.Diagnostics.Count > 0)
        {
            foreach (var d in check.Diagnostics)
            {
                output.Diagnostic(d, check.DiagnosticsFile);
            }

            return ExitCodes.UsageOrIo;
        }

        var report = check.Report!;
        output.Out.Write(format switch
        {
            "json" => IntentDiffJson.Write(report, path),
            "markdown" => IntentDiffMarkdown.Write(report, path),
            _ => IntentDiffText.Write(report, path),
        });
        var failing = failOn switch
        {
            "missing" => report.Count(FindingKind.Missing),
            "excess" => report.Count(FindingKind.Excess),
            "unverifiable" => report.Count(FindingKind.Unverifiable),
            "none" => 0,
            _ => report.Findings.Count,
        };
        return failing > 0 ? ExitCodes.Invalid : ExitCodes.Ok;
    }

    private static int Baseline(string oldPath, string newPath, TransformOptions options, string format, string failOn, CliOutput output)
    {
        if (!BaselineFailOn.Contains(failOn))
        {
            output.Error($"--fail-on {failOn} applies to 'diff TEMPLATE --intent FILE'; between versions use {string.Join(", ", BaselineFailOn)}");
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
        output.Out.Write(format switch
        {
            "json" => BaselineDiffJson.Write(report, oldPath, newPath),
            "markdown" => BaselineDiffMarkdown.Write(report, oldPath, newPath),
            _ => BaselineDiffText.Write(report, oldPath, newPath),
        });
        var failing = failOn switch
        {
            "broadening" => report.Broadening,
            "none" => 0,
            _ => report.Changes.Count,
        };
        return failing > 0 ? ExitCodes.Invalid : ExitCodes.Ok;
    }
}
