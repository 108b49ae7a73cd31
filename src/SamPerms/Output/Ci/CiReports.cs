using SamPerms.Output.Diagnostics;
using SamPerms.Permissions.Baseline;
using SamPerms.Permissions.Intent;
using SamPerms.Diagnostics;

namespace SamPerms.Output.Ci;

/// <summary>Turns each command's report into the one CI model: findings of validate, of the intent check, of a baseline diff.</summary>
public static class CiReports
{
    /// <summary>validate: a test case per resource a finding is about (and the template itself for the rest).</summary>
    public static CiReport FromValidation(IReadOnlyList<ValidatedFile> files, Severity failAt = Severity.Error)
    {
        var result = new List<CiFile>();
        foreach (var f in files)
        {
            var findings = f.Report.Diagnostics.Select(d => new CiFinding(
                d.ResourceId ?? "template",
                d.Code,
                d.Severity switch { Severity.Error => CiLevel.Major, Severity.Warning => CiLevel.Minor, _ => CiLevel.Info },
                DiagnosticCatalog.Find(d.Code)?.Title ?? d.Code,
                d.Message,
                f.UriPath,
                d.Span.IsKnown ? d.Line : 0,
                d.Span.IsKnown ? d.Column : 0,
                $"{d.Code}|{d.Path}|{d.Message}") { Failing = d.Severity >= failAt }).ToList();
            result.Add(new CiFile(f.UriPath, ["template"], findings));
        }

        return new CiReport("validate", result);
    }

    /// <summary>The intent check: a test case per function and state machine; missing is major, excess minor, unverifiable info.</summary>
    public static CiReport FromIntent(IntentReport report, string templateFile, IReadOnlyList<string> subjects, Func<FindingKind, bool> failing)
    {
        var file = templateFile.Replace('\\', '/');
        var findings = report.Findings.Select(f =>
        {
            var span = f.Origin?.Span ?? f.Intent?.Span ?? default;
            var kind = IntentDiffJson.KindName(f.Kind);
            var what = string.Join(" ", new[] { f.Principal, f.Action, f.Resource is null ? null : "on " + f.Resource }.Where(s => !string.IsNullOrEmpty(s)));
            return new CiFinding(
                f.Subject,
                kind,
                f.Kind switch { FindingKind.Missing => CiLevel.Major, FindingKind.Excess => CiLevel.Minor, _ => CiLevel.Info },
                $"{kind}: {what}",
                f.Reason,
                f.Origin is null && f.Intent is { } i ? i.File.Replace('\\', '/') : file,
                span.IsKnown ? span.Line : 0,
                span.IsKnown ? span.Column : 0,
                $"{kind}|{f.Subject}|{f.Side}|{what}") { Failing = failing(f.Kind) };
        }).ToList();
        return new CiReport("intent", [new CiFile(file, subjects, findings)]);
    }

    /// <summary>A baseline diff: a test case per function; a broadening change is major (and fails), any other change info.</summary>
    public static CiReport FromBaseline(BaselineReport report, string oldFile, string newFile, IReadOnlyList<string> subjects, bool everyChangeFails)
    {
        var file = newFile.Replace('\\', '/');
        var findings = report.Changes.Select(c =>
        {
            var r = c.Row;
            var what = string.Join(" ", new[] { r.Effect, r.Principal, string.Join(", ", r.Actions), r.Resources.Count > 0 ? "on " + string.Join(", ", r.Resources) : "" }
                .Where(s => s.Length > 0));
            var change = c.Kind;
            var span = c.Added ? r.Origin.Span : default;
            return new CiFinding(
                r.Subject,
                c.Broadening ? "broadening" : change,
                c.Broadening ? CiLevel.Major : CiLevel.Info,
                $"{change} {BaselineDiffJson.Category(r.Category)}: {what}",
                c.Reason,
                c.Added ? file : oldFile.Replace('\\', '/'),
                span.IsKnown ? span.Line : 0,
                span.IsKnown ? span.Column : 0,
                $"{change}|{r.Key}") { Failing = everyChangeFails || c.Broadening };
        }).ToList();
        return new CiReport("diff", [new CiFile(file, subjects, findings)]);
    }
}
