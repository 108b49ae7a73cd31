using System.Text;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Output.Ci;
using SamPerms.Permissions;
using SamPerms.Permissions.Baseline;
using SamPerms.Pipeline;

namespace SamPerms.Cli.Commands;

/// <summary>
/// <c>samperms diff --git BASE [TEMPLATE...]</c>: each template against its version at a git revision, so a
/// pull request's base-vs-head comparison needs no scripting. Without templates: every template.yaml, .yml or
/// .json the change adds, deletes, renames or modifies. A template added in the change is compared with nothing
/// (all it grants is new), a deleted one with nothing after it.
/// </summary>
public static class DiffGit
{
    public static int Run(string baseRev, IReadOnlyList<string> templates, TransformOptions options, string format, string failOn, CliOutput output)
    {
        var (found, error) = GitBaseline.Read(baseRev, templates, Environment.CurrentDirectory);
        if (error is not null)
        {
            output.Error(error);
            return ExitCodes.UsageOrIo;
        }

        var compared = new List<(GitTemplate Template, BaselineReport Report, IReadOnlyList<string> Subjects)>();
        var exit = 0;
        foreach (var t in found)
        {
            var before = t.BaseBytes is null ? Empty : TemplateLoading.PermissionMap($"{baseRev}:{t.BasePath}", t.BaseBytes, options, output).Map;
            var after = t.WorkingFile is null ? Empty : TemplateLoading.PermissionMap(t.WorkingFile, options, output).Map;
            if (before is null || after is null)
            {
                exit = Math.Max(exit, ExitCodes.Invalid);
                continue;
            }

            var report = BaselineDiff.Run(before, after);
            var subjects = after.Subjects.Concat(before.Subjects).Select(s => s.SamLogicalId).Distinct(StringComparer.Ordinal).ToList();
            compared.Add((t, report, subjects));
        }

        output.Out.Write(format switch
        {
            "json" => Json(baseRev, compared),
            "markdown" => Sections(baseRev, compared, markdown: true),
            "junit" => JunitXml.Write(Ci(baseRev, compared, failOn)),
            "codequality" => CodeQualityJson.Write(Ci(baseRev, compared, failOn)),
            _ => Sections(baseRev, compared, markdown: false),
        });
        var failing = compared.Sum(c => failOn switch
        {
            "broadening" => c.Report.Broadening,
            "none" => 0,
            _ => c.Report.Changes.Count,
        });
        return Math.Max(exit, failing > 0 ? ExitCodes.Invalid : ExitCodes.Ok);
    }

    private static PermissionMap Empty => new([], []);

    /// <summary>How a template changed, as a heading says it.</summary>
    public static string Describe(GitTemplate t) => t.Change switch
    {
        TemplateChange.Added => "added",
        TemplateChange.Deleted => "deleted",
        TemplateChange.Renamed => $"renamed from {t.BasePath}",
        TemplateChange.Unchanged => "unchanged",
        _ => "modified",
    };

    private static string Sections(string baseRev, List<(GitTemplate Template, BaselineReport Report, IReadOnlyList<string> Subjects)> compared, bool markdown)
    {
        var sb = new StringBuilder();
        if (compared.Count == 0)
        {
            sb.Append("No template changed since ").Append(markdown ? MarkdownText.Code(baseRev) : baseRev).Append(".\n");
            return sb.ToString();
        }

        foreach (var (t, report, _) in compared)
        {
            var oldLabel = t.BasePath is null ? "(none)" : $"{baseRev}:{t.BasePath}";
            var newLabel = t.WorkingFile is null ? "(deleted)" : t.Shown;
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            if (markdown)
            {
                sb.Append("#### ").Append(MarkdownText.Code(t.Shown)).Append(" (").Append(MarkdownText.Cell(Describe(t))).Append(")\n\n");
                sb.Append(report.Changes.Count == 0 ? "No permission changes.\n" : BaselineDiffMarkdown.Write(report, oldLabel, newLabel));
            }
            else
            {
                sb.Append("== ").Append(t.Shown).Append(" (").Append(Describe(t)).Append(") ==\n");
                sb.Append(BaselineDiffText.Write(report, oldLabel, newLabel));
            }
        }

        return sb.ToString();
    }

    private static string Json(string baseRev, List<(GitTemplate Template, BaselineReport Report, IReadOnlyList<string> Subjects)> compared)
    {
        var list = new SeqNode();
        foreach (var (t, report, _) in compared)
        {
            list.Add(N.Map(
                ("path", t.Shown),
                ("change", t.Change.ToString().ToLowerInvariant()),
                ("basePath", t.BasePath is null ? NullNode.Instance : t.BasePath),
                ("diff", BaselineDiffJson.Build(report, t.BasePath is null ? "" : $"{baseRev}:{t.BasePath}", t.WorkingFile is null ? "" : t.Shown))));
        }

        return JsonText.Pretty(N.Map(("base", baseRev), ("templates", list)));
    }

    private static CiReport Ci(string baseRev, List<(GitTemplate Template, BaselineReport Report, IReadOnlyList<string> Subjects)> compared, string failOn) =>
        new("diff", [.. compared.SelectMany(c => CiReports.FromBaseline(
            c.Report, c.Template.BasePath is null ? "" : $"{baseRev}:{c.Template.BasePath}", c.Template.Shown, c.Subjects, everyChangeFails: failOn == "any").Files)]);
}
