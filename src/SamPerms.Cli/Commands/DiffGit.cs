using SamPerms.Model;
using SamPerms.Output.Diff;
using SamPerms.Pipeline;

namespace SamPerms.Cli.Commands;

/// <summary>
/// <c>samperms diff --git BASE [TEMPLATE...]</c>: each template against its version at a git revision, so a
/// pull request's base-vs-head comparison needs no scripting (<see cref="VersionComparison"/> does the work). Without
/// templates: every template.yaml, .yml or .json the change adds, deletes, renames or modifies.
/// </summary>
public static class DiffGit
{
    public static int Run(string baseRev, IReadOnlyList<string> templates, TransformOptions options, DiffCommand.DiffReport how, string failOn, CliOutput output)
    {
        var (runs, error) = VersionComparison.Git(baseRev, templates, options, Environment.CurrentDirectory);
        if (error is not null)
        {
            output.Error(error);
            return ExitCodes.UsageOrIo;
        }

        var sections = new List<VersionSection>();
        var exit = 0;
        foreach (var (template, before, after) in runs)
        {
            // Each version's diagnostics said; a template that cannot be compared is left out (exit 1).
            var beforeExit = before is null ? null : TemplateLoading.Check(before, output);
            var afterExit = after is null ? null : TemplateLoading.Check(after, output);
            if (beforeExit is not null || afterExit is not null)
            {
                exit = Math.Max(exit, ExitCodes.Invalid);
                continue;
            }

            sections.Add(VersionComparison.Section(baseRev, template, before?.Map, after?.Map));
        }

        var diffs = new VersionDiffs(sections, baseRev, EveryChangeFails: failOn == "any");
        var failing = sections.Sum(s => failOn switch
        {
            "broadening" => s.Report.Broadening,
            "none" => 0,
            _ => s.Report.Changes.Count,
        });
        return how.Write(DiffFormats.Named(how.Format).Versions(diffs, how.Rendering), output) ?? Math.Max(exit, failing > 0 ? ExitCodes.Invalid : ExitCodes.Ok);
    }
}
