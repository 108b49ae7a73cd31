using SamPerms.Output.Ci;

namespace SamPerms.Output.Diff;

/// <summary>GitLab Code Quality JSON: one issue per finding.</summary>
public sealed class DiffCodeQuality() : DiffFormat("codequality", "GitLab Code Quality JSON")
{
    public override string Intent(IntentDiffs diffs, DiffRendering how) => CodeQualityJson.Write(DiffCi.Intent(diffs));

    public override string Versions(VersionDiffs diffs, DiffRendering how) => CodeQualityJson.Write(DiffCi.Versions(diffs));
}
