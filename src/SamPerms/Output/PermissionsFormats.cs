using System.Text;
using SamPerms.Model;
using SamPerms.Permissions;

namespace SamPerms.Output;

/// <summary>
/// The formats <c>samperms permissions</c> writes, in the order its help lists them (the first is the default).
/// A new format is one writer file plus one line here.
/// </summary>
public static class PermissionsFormats
{
    /// <summary>A format; <see cref="Write"/> gives the report as a builder, written out chunk by chunk (a big one is never one string).</summary>
    public sealed record Format(string Name, string Description, Func<PermissionMap, string, TransformOptions, StringBuilder> Write);

    public static readonly IReadOnlyList<Format> All =
    [
        new("text", "readable report; table is the same", (map, path, _) => PermissionsText.Build(map, path)),
        new("json", "schemas/permissions.schema.json", (map, path, o) => JsonText.PrettyBuilder(PermissionsJson.Build(map, path, o.Region, o.EffectivePartition))),
        new("markdown", "for a PR comment", (map, path, _) => PermissionsMarkdown.Build(map, path)),
        new("mermaid", "a flowchart", (map, _, _) => PermissionsMermaid.Build(map)),
    ];

    /// <summary>"table (readable report), json (...), ...": the formats for a help text.</summary>
    public static string Help => string.Join(", ", All.Select(f => $"{f.Name} ({f.Description})"));

    /// <summary>The format called <paramref name="name"/>; the default (the first) when there is none.</summary>
    public static Format Named(string? name) => All.FirstOrDefault(f => f.Name == (name == "table" ? "text" : name)) ?? All[0];
}
