using System.Text;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Output.Ci;
using SamPerms.Permissions.Intent;
using SamPerms.Pipeline;

namespace SamPerms.Cli.Commands;

/// <summary>
/// <c>samperms diff TEMPLATE... --intent FILE|auto</c>: each template against its author's intent. With
/// <c>auto</c> a template's intent is the intent.yaml (or .yml) beside it, over what it declares inline; a
/// template with neither is said to be not checked. One template prints as it always has; several print a
/// section each (text, markdown), one document holding each report (json), or one CI report (junit, codequality).
/// </summary>
public static class DiffIntent
{
    public const string Auto = "auto";

    private sealed record Checked(string Template, string? IntentFile, IntentReport Report, IReadOnlyList<string> Subjects);

    public static int Run(IReadOnlyList<string> templates, string? intentFile, TransformOptions options, string format, string failOn, CliOutput output)
    {
        var auto = intentFile == Auto && !File.Exists(Auto);
        var results = new List<Checked>();
        var exit = ExitCodes.Ok;
        foreach (var template in templates)
        {
            var file = auto ? Beside(template) : intentFile;
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

            results.Add(new Checked(template, file, check.Report!, DiffCommand.Subjects(map!)));
        }

        bool Fails(FindingKind kind) => failOn == "any" || failOn == IntentDiffJson.KindName(kind);
        output.Out.Write(templates.Count == 1 && !auto ? One(results, format, Fails) : Many(results, format, Fails));
        var failing = failOn == "none" ? 0 : results.Sum(r => r.Report.Findings.Count(f => Fails(f.Kind)));
        return Math.Max(exit, failing > 0 ? ExitCodes.Invalid : ExitCodes.Ok);
    }

    /// <summary>The intent file beside a template: intent.yaml, else intent.yml; null when there is none.</summary>
    public static string? Beside(string template)
    {
        var dir = Path.GetDirectoryName(template) is { Length: > 0 } d ? d : ".";
        return new[] { "intent.yaml", "intent.yml" }.Select(n => Path.Combine(dir, n)).FirstOrDefault(File.Exists) is { } found
            ? (dir == "." && !template.StartsWith("./", StringComparison.Ordinal) ? Path.GetFileName(found) : found)
            : null;
    }

    private static string One(List<Checked> results, string format, Func<FindingKind, bool> fails)
    {
        if (results.Count == 0)
        {
            return "";
        }

        var (path, _, report, subjects) = results[0];
        return format switch
        {
            "json" => IntentDiffJson.Write(report, path),
            "markdown" => IntentDiffMarkdown.Write(report, path),
            "junit" => JunitXml.Write(CiReports.FromIntent(report, path, subjects, fails)),
            "codequality" => CodeQualityJson.Write(CiReports.FromIntent(report, path, subjects, fails)),
            _ => IntentDiffText.Write(report, path),
        };
    }

    private static string Many(List<Checked> results, string format, Func<FindingKind, bool> fails)
    {
        switch (format)
        {
            case "json":
                var list = new SeqNode();
                foreach (var r in results)
                {
                    list.Add(N.Map(("template", r.Template), ("intent", r.IntentFile is null ? NullNode.Instance : r.IntentFile), ("report", IntentDiffJson.Build(r.Report, r.Template))));
                }

                return JsonText.Pretty(N.Map(("templates", list)));
            case "junit":
            case "codequality":
                var ci = new CiReport("intent", [.. results.SelectMany(r => CiReports.FromIntent(r.Report, r.Template, r.Subjects, fails).Files)]);
                return format == "junit" ? JunitXml.Write(ci) : CodeQualityJson.Write(ci);
            default:
                var sb = new StringBuilder();
                foreach (var r in results)
                {
                    if (sb.Length > 0)
                    {
                        sb.Append('\n');
                    }

                    var against = r.IntentFile ?? "its inline intent";
                    sb.Append(format == "markdown"
                        ? $"#### {MarkdownText.Code(r.Template)} against {MarkdownText.Code(against)}\n\n"
                        : $"== {r.Template} against {against} ==\n");
                    sb.Append(format == "markdown" ? IntentDiffMarkdown.Write(r.Report, r.Template) : IntentDiffText.Write(r.Report, r.Template));
                }

                return sb.ToString();
        }
    }
}
