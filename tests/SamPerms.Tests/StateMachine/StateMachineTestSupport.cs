using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Sam.Core;
using SamPerms.Yaml;

namespace SamPerms.Tests.StateMachine;

/// <summary>Transforms small templates written for these tests and reads parts of the output.</summary>
internal static class StateMachineTestSupport
{
    public static TransformOutcome Transform(string yaml, string region = "us-east-1") =>
        TemplateTransformer.TransformNode(TemplateReader.ReadText(yaml).Root!, new TransformOptions { Region = region });

    public static MapNode Resource(TransformOutcome outcome, string logicalId)
    {
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        var resources = (MapNode)outcome.Template!.Get("Resources")!;
        return Assert.IsType<MapNode>(resources.Get(logicalId));
    }

    public static MapNode Properties(TransformOutcome outcome, string logicalId) => (MapNode)Resource(outcome, logicalId).Get("Properties")!;

    public static string JsonOf(Node? node) => node is null ? "null" : JsonText.Compact(node);
}
