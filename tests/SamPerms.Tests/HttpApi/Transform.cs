using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Sam.Core;
using SamPerms.Yaml;

namespace SamPerms.Tests.HttpApi;

/// <summary>Runs small templates through the public transform entry point.</summary>
internal static class Transform
{
    public static TransformOutcome Run(string yaml, string region = "us-east-1")
    {
        var read = TemplateReader.ReadText(yaml);
        Assert.True(read.Succeeded, "the test template should parse");
        return TemplateTransformer.TransformNode(read.Root!, new TransformOptions { Region = region });
    }

    public static MapNode Resources(string yaml)
    {
        var outcome = Run(yaml);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        return (MapNode)outcome.Template!.Get("Resources")!;
    }

    public static MapNode Properties(MapNode resources, string logicalId)
    {
        Assert.True(resources.ContainsKey(logicalId), $"{logicalId} should be generated; got {string.Join(", ", resources.Keys)}");
        return (MapNode)((MapNode)resources.Get(logicalId)!).Get("Properties")!;
    }

    public static string JsonOf(Node? node) => node is null ? "null" : JsonText.Compact(node);
}
