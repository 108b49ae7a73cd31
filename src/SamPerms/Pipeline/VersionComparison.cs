using SamPerms.Model;
using SamPerms.Output.Diff;
using SamPerms.Permissions;
using SamPerms.Permissions.Baseline;

namespace SamPerms.Pipeline;

/// <summary>A template of <c>diff --git</c> and its two versions run through the engine (null: that side does not exist).</summary>
public sealed record GitVersions(GitTemplate Template, TemplateRun? Before, TemplateRun? After);

/// <summary>
/// <c>diff</c>'s front door between versions: <c>OLD NEW</c>, or each template against its version at a git revision
/// (a template added in the change is compared with nothing, a deleted one with nothing after it). The runs are
/// returned for the front end to report their diagnostics; the sections are what the formats write.
/// </summary>
public static class VersionComparison
{
    private static PermissionMap Empty => new([], []);

    /// <summary>The templates the change touches (or those named), each version run; or the error (not a repository, no such revision).</summary>
    public static (IReadOnlyList<GitVersions> Runs, string? Error) Git(string baseRev, IReadOnlyList<string> templates, TransformOptions options, string workingDirectory)
    {
        var (found, error) = GitBaseline.Read(baseRev, templates, workingDirectory);
        if (error is not null)
        {
            return ([], error);
        }

        return ([.. found.Select(t => new GitVersions(
            t,
            t.BaseBytes is null ? null : TemplateRun.MappedBytes($"{baseRev}:{t.BasePath}", t.BaseBytes, options),
            t.WorkingFile is null ? null : TemplateRun.Mapped(t.WorkingFile, options)))], null);
    }

    /// <summary>One template of <c>diff --git</c> compared, its maps (null: the side does not exist) as the runs gave them.</summary>
    public static VersionSection Section(string baseRev, GitTemplate t, PermissionMap? before, PermissionMap? after)
    {
        var (old, now) = (before ?? Empty, after ?? Empty);
        var subjects = now.Subjects.Concat(old.Subjects).Select(s => s.SamLogicalId).Distinct(StringComparer.Ordinal).ToList();
        var git = new GitChange(t.Shown, t.Change.ToString().ToLowerInvariant(), Describe(t), t.BasePath);
        return new VersionSection(
            t.BasePath is null ? "(none)" : $"{baseRev}:{t.BasePath}",
            t.WorkingFile is null ? "(deleted)" : t.Shown,
            BaselineDiff.Run(old, now),
            subjects,
            git);
    }

    /// <summary><c>diff OLD NEW</c>: the change between two maps; the functions of the new one are the CI report's test cases.</summary>
    public static VersionSection Section(string oldLabel, string newLabel, PermissionMap before, PermissionMap after) =>
        new(oldLabel, newLabel, BaselineDiff.Run(before, after), [.. after.Subjects.Select(s => s.SamLogicalId).Distinct(StringComparer.Ordinal)]);

    /// <summary>How a template changed, as a heading says it.</summary>
    public static string Describe(GitTemplate t) => t.Change switch
    {
        TemplateChange.Added => "added",
        TemplateChange.Deleted => "deleted",
        TemplateChange.Renamed => $"renamed from {t.BasePath}",
        TemplateChange.Unchanged => "unchanged",
        _ => "modified",
    };
}
