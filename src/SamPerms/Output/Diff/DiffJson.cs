using SamPerms.Model;

namespace SamPerms.Output.Diff;

/// <summary>
/// JSON: one template's report (schemas/intent-diff.schema.json, schemas/permissions-diff.schema.json), several
/// templates as a list of them; each with the settings it was made with, when known.
/// </summary>
public sealed class DiffJson() : DiffFormat("json", "schemas/intent-diff.schema.json, permissions-diff.schema.json")
{
    public override string Intent(IntentDiffs diffs, DiffRendering how)
    {
        if (!diffs.Several)
        {
            return diffs.Sections.Count == 0 ? "" : Pretty(IntentDiffJson.Build(diffs.Sections[0].Report, diffs.Sections[0].Template), how);
        }

        var list = new SeqNode();
        foreach (var s in diffs.Sections)
        {
            list.Add(N.Map(("template", s.Template), ("intent", s.IntentFile is null ? NullNode.Instance : s.IntentFile), ("report", IntentDiffJson.Build(s.Report, s.Template))));
        }

        return Pretty(N.Map(("templates", list)), how);
    }

    public override string Versions(VersionDiffs diffs, DiffRendering how)
    {
        if (diffs.GitBase is not { } gitBase)
        {
            var one = diffs.Sections[0];
            return Pretty(BaselineDiffJson.Build(one.Report, one.OldLabel, one.NewLabel), how);
        }

        var list = new SeqNode();
        foreach (var s in diffs.Sections)
        {
            var git = s.Git!;
            list.Add(N.Map(
                ("path", git.Shown),
                ("change", git.Change),
                ("basePath", git.BasePath is null ? NullNode.Instance : git.BasePath),
                ("diff", BaselineDiffJson.Build(s.Report, OldOf(s), git.Change == "deleted" ? "" : git.Shown))));
        }

        return JsonText.Pretty(N.Map(("base", gitBase), ("templates", list)));
    }

    private static string Pretty(MapNode report, DiffRendering how)
    {
        if (how.Settings is { } settings)
        {
            report.Set("settings", settings);
        }

        return JsonText.Pretty(report);
    }
}
