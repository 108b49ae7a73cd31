namespace SamPerms.Output.Diff;

/// <summary>
/// One format of <c>samperms diff</c>: how it writes the check against intent and the comparison of versions.
/// A new format is one subclass in its own file plus one line in <see cref="DiffFormats"/>.
/// </summary>
public abstract class DiffFormat(string name, string description)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Whether it is laid out for a terminal (its width, colour) when stdout is one; the others never are.</summary>
    public virtual bool ForTerminal => false;

    public abstract string Intent(IntentDiffs diffs, DiffRendering how);

    public abstract string Versions(VersionDiffs diffs, DiffRendering how);

    /// <summary>The old side's label in a CI report or JSON ("" when the template is new in git).</summary>
    protected static string OldOf(VersionSection s) => s.Git is { BasePath: null } ? "" : s.OldLabel;
}
