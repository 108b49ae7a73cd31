using System.CommandLine;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Output.Ci;
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
    public static readonly string[] IntentFailOn = ["missing", "excess", "unverifiable", "any", "none"];
    private static readonly string[] BaselineFailOn = ["broadening", "any", "none"];

    public static Command Build(CliOutput output)
    {
        var templates = new Argument<string[]>("template")
        {
            Description = "TEMPLATE... (checked against intent), OLD NEW (compared), or with --git the templates to compare",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var intent = new Option<string?>("--intent", "-i")
        {
            Description = "Intent file (schemas/intent.schema.json), or 'auto': the intent.yaml beside each template; inline Metadata: SamPerms in the template is read too",
        };
        var git = new Option<string?>("--git")
        {
            Description = "Compare each TEMPLATE with its version at this git revision (a branch, tag or commit); without TEMPLATE, every template.yaml/.yml/.json the change touches",
            HelpName = "BASE",
        };
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var format = new Option<string>("--format", "-f") { Description = "text, json, markdown, junit or codequality", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "junit", "codequality");
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Exit 1 on findings of this kind. Against intent: missing, excess, unverifiable, any (default), none. "
                + "Between versions: broadening (default), any, none",
        };
        failOn.AcceptOnlyFromAmong([.. IntentFailOn.Union(BaselineFailOn)]);
        var command = new Command("diff", "Compare a template's permissions with intent (--intent), or two versions of a template")
        {
            templates, intent, git, format, failOn,
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
            if (parse.GetValue(git) is { } baseRev)
            {
                if (intentFile is not null)
                {
                    output.Error("--git compares with a git revision; check intent with 'samperms diff TEMPLATE --intent FILE'");
                    return ExitCodes.UsageOrIo;
                }

                var gitFailOn = fail ?? "broadening";
                if (!BaselineFailOn.Contains(gitFailOn))
                {
                    output.Error($"--fail-on {gitFailOn}: with --git use {string.Join(", ", BaselineFailOn)}");
                    return ExitCodes.UsageOrIo;
                }

                return DiffGit.Run(baseRev, files, options, fmt, gitFailOn, output);
            }

            if (intentFile is not null || files.Count == 1)
            {
                var intentFailOn = fail ?? "any";
                if (!IntentFailOn.Contains(intentFailOn))
                {
                    output.Error($"--fail-on {intentFailOn} applies to 'diff OLD NEW'; against intent use {string.Join(", ", IntentFailOn)}");
                    return ExitCodes.UsageOrIo;
                }

                if (files.Count == 0)
                {
                    output.Error("give the template(s) to check against intent");
                    return ExitCodes.UsageOrIo;
                }

                return DiffIntent.Run(files, intentFile, options, fmt, intentFailOn, output);
            }

            if (files.Count == 2)
            {
                return Baseline(files[0], files[1], options, fmt, fail ?? "broadening", output);
            }

            output.Error("give one or more templates (checked against intent), two (OLD NEW), or --git BASE");
            return ExitCodes.UsageOrIo;
        });
        return command;
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
            "junit" => JunitXml.Write(CiReports.FromBaseline(report, oldPath, newPath, Subjects(after.Map!), everyChangeFails: failOn == "any")),
            "codequality" => CodeQualityJson.Write(CiReports.FromBaseline(report, oldPath, newPath, Subjects(after.Map!), everyChangeFails: failOn == "any")),
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

    /// <summary>The functions and state machines of a map, each a test case in CI reports.</summary>
    public static IReadOnlyList<string> Subjects(PermissionMap map) => [.. map.Subjects.Select(s => s.SamLogicalId).Distinct(StringComparer.Ordinal)];
}
