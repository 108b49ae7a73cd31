using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Sam.Core;
using SamPerms.Yaml;

namespace SamPerms.Tests.Support;

/// <summary>Transforms small test templates through the public entry point.</summary>
internal static class SamTemplates
{
    public static TransformOutcome Run(string yaml, string region = "us-east-1") =>
        TemplateTransformer.TransformNode(TemplateReader.ReadText(yaml).Root!, new TransformOptions { Region = region });

    /// <summary>The output Resources of a template that must transform.</summary>
    public static MapNode Resources(string yaml)
    {
        var outcome = Run(yaml);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        return (MapNode)outcome.Template!.Get("Resources")!;
    }

    public static MapNode Resource(MapNode resources, string logicalId)
    {
        Assert.True(resources.ContainsKey(logicalId), $"{logicalId} not among: {string.Join(", ", resources.Keys)}");
        return (MapNode)resources.Get(logicalId)!;
    }

    public static Node? At(Node node, params string[] path)
    {
        Node? cur = node;
        foreach (var p in path)
        {
            cur = cur switch
            {
                MapNode m => m.Get(p),
                SeqNode s when int.TryParse(p, out var i) && i < s.Count => s[i],
                _ => null,
            };
        }

        return cur;
    }

    public static string JsonOf(Node? node) => node is null ? "null" : JsonText.Compact(node);
}
