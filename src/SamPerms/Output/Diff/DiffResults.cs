using SamPerms.Model;
using SamPerms.Permissions.Baseline;
using SamPerms.Permissions.Intent;

namespace SamPerms.Output.Diff;

/// <summary>One template checked against its intent (the intent file, or null for the inline intent alone).</summary>
public sealed record IntentSection(string Template, string? IntentFile, IntentReport Report, IReadOnlyList<string> Subjects);

/// <summary>
/// What <c>diff TEMPLATE... --intent</c> found: one section per template; <see cref="Several"/> when they are shown
/// as sections (several templates, or <c>--intent auto</c>) rather than as one report.
/// </summary>
public sealed record IntentDiffs(IReadOnlyList<IntentSection> Sections, bool Several, Func<FindingKind, bool> Fails);

/// <summary>How a template changed in git, for a section's heading: its path, the change and the path it had at the base.</summary>
public sealed record GitChange(string Shown, string Change, string Described, string? BasePath);

/// <summary>One template compared with another version of it (<see cref="Git"/> when the old one is a git revision's).</summary>
public sealed record VersionSection(string OldLabel, string NewLabel, BaselineReport Report, IReadOnlyList<string> Subjects, GitChange? Git = null);

/// <summary>
/// What <c>diff OLD NEW</c> (one section, <see cref="GitBase"/> null) or <c>diff --git BASE</c> (a section per
/// template the change touches) found; <see cref="EveryChangeFails"/> with <c>--fail-on any</c>.
/// </summary>
public sealed record VersionDiffs(IReadOnlyList<VersionSection> Sections, string? GitBase, bool EveryChangeFails);

/// <summary>How a diff report is written: the text layout (a terminal's width and colour) and the settings JSON carries.</summary>
public sealed record DiffRendering(TextOptions Text, MapNode? Settings)
{
    public static DiffRendering Plain { get; } = new(TextOptions.Plain, null);
}
