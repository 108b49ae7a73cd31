using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Yaml;

namespace SamPerms.Tests.Support;

/// <summary>Runs the engine's public transform on a YAML text written in a test.</summary>
public static class Transform
{
    public static TransformOutcome Run(string yaml, IReadOnlyDictionary<string, string>? parameters = null, string region = "us-east-1")
    {
        var read = TemplateReader.ReadText(yaml);
        Assert.True(read.Succeeded, string.Join("; ", read.Diagnostics.Select(d => d.Message)));
        var options = new TransformOptions { Region = region, ParameterOverrides = parameters ?? new Dictionary<string, string>() };
        return TemplateTransformer.TransformNode(read.Root!, options);
    }

    /// <summary>The output Resources of a transform that must succeed.</summary>
    public static MapNode Resources(string yaml, IReadOnlyDictionary<string, string>? parameters = null, string region = "us-east-1")
    {
        var outcome = Run(yaml, parameters, region);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        return (MapNode)outcome.Template!.Get("Resources")!;
    }

    /// <summary>The reference's full error message of a transform that must fail.</summary>
    public static string Error(string yaml)
    {
        var outcome = Run(yaml);
        Assert.False(outcome.Succeeded, "the transform was expected to fail");
        return outcome.ErrorMessage!;
    }

    public static MapNode Resource(this MapNode resources, string logicalId) =>
        resources.Get(logicalId) as MapNode ?? throw new Xunit.Sdk.XunitException($"no resource {logicalId}; have {string.Join(", ", resources.Keys)}");

    public static MapNode Props(this MapNode resource) => (MapNode)resource.Get("Properties")!;

    /// <summary>Compact JSON of a node, for asserting small values.</summary>
    public static string JsonOf(Node? node) => node is null ? "null" : Output.JsonText.Compact(node);
}
