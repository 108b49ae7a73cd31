namespace SamPerms.Output.Diff;

/// <summary>
/// The formats <c>samperms diff</c> writes, in the order its help lists them (the first is the default), for both
/// of its modes (against intent, between versions). A new format is one writer file plus one line here.
/// </summary>
public static class DiffFormats
{
    public static readonly IReadOnlyList<DiffFormat> All =
    [
        new DiffText(),
        new DiffJson(),
        new DiffMarkdown(),
        new DiffJunit(),
        new DiffCodeQuality(),
    ];

    /// <summary>"text (readable report; table is the same), json (...), ...": the formats for a help text.</summary>
    public static string Help => string.Join(", ", All.Select(f => $"{f.Name} ({f.Description})"));

    /// <summary>The format called <paramref name="name"/> (<c>table</c> is <c>text</c>); the default (the first) when there is none.</summary>
    public static DiffFormat Named(string? name) => All.FirstOrDefault(f => f.Name == (name == "table" ? "text" : name)) ?? All[0];
}
