using SamPerms.Model;
using SamPerms.Permissions.Explain;

namespace SamPerms.Output;

/// <summary>
/// <c>transform --annotate</c>: the YAML output with a comment above each generated resource and each property
/// read from the template (<c># from ResizeFunction.Events.Upload, template.yaml:37</c>), or, for JSON, which has
/// no comments, the same notes as a sidecar document (schemas/origins.schema.json).
/// </summary>
public static class AnnotatedTemplate
{
    public static string Yaml(MapNode template, IReadOnlyList<OriginNote> notes, string file)
    {
        var byResource = notes.Where(n => n.Property is null).GroupBy(n => n.Resource).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byProperty = notes.Where(n => n.Property is not null).GroupBy(n => (n.Resource, n.Property!)).ToDictionary(g => g.Key, g => g.First());
        return YamlText.Write(template, keys => keys switch
        {
            ["Resources", var id] when byResource.TryGetValue(id, out var n) => Comment(n, file),
            ["Resources", var id, "Properties", var p] when byProperty.TryGetValue((id, p), out var n) => Comment(n, file),
            _ => null,
        });
    }

    public static string OriginsJson(IReadOnlyList<OriginNote> notes, string file) => JsonText.Pretty(N.Map(
        ("version", 1),
        ("template", file),
        ("origins", N.Seq(notes.Select(n => (Node)N.Map(
            ("resource", n.Resource),
            ("property", n.Property is null ? NullNode.Instance : new StringNode(n.Property)),
            ("samLogicalId", n.SamLogicalId),
            ("path", n.Path),
            ("line", n.Span.IsKnown ? n.Span.Line : NullNode.Instance),
            ("column", n.Span.IsKnown ? n.Span.Column : NullNode.Instance),
            ("fromGlobals", BoolNode.Of(n.FromGlobals)),
            ("addedBySam", BoolNode.Of(n.AddedBySam))))))));

    private static string Comment(OriginNote n, string file)
    {
        var at = n.Span.IsKnown ? $"{file}:{n.Span.Line}" : file;
        var globals = n.FromGlobals && n.SamLogicalId != "Globals" ? " (from Globals)" : "";
        return (n.AddedBySam ? "added by SAM for " : "from ") + n.Cause + globals + ", " + at;
    }
}
