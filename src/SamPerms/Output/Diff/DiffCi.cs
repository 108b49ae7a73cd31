using SamPerms.Output.Ci;

namespace SamPerms.Output.Diff;

/// <summary>A diff as the one CI model the JUnit and Code Quality writers read.</summary>
public static class DiffCi
{
    public static CiReport Intent(IntentDiffs diffs) =>
        new("intent", [.. diffs.Sections.SelectMany(s => CiReports.FromIntent(s.Report, s.Template, s.Subjects, diffs.Fails).Files)]);

    public static CiReport Versions(VersionDiffs diffs) =>
        new("diff", [.. diffs.Sections.SelectMany(s => CiReports.FromBaseline(
            s.Report, s.Git is { BasePath: null } ? "" : s.OldLabel, s.Git?.Shown ?? s.NewLabel, s.Subjects, diffs.EveryChangeFails).Files)]);
}
