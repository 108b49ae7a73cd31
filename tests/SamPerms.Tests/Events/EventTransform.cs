using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Yaml;

namespace SamPerms.Tests.Events;

/// <summary>Transforms a small template through the public entry point and reads the output's resources.</summary>
internal static class EventTransform
{
    public static TransformOutcome Run(string yaml, string region = "us-east-1") =>
        TemplateTransformer.TransformNode(TemplateReader.ReadText(yaml).Root!, new TransformOptions { Region = region });

    public static MapNode Resources(string yaml, string region = "us-east-1")
    {
        var outcome = Run(yaml, region);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        return (MapNode)outcome.Template!.Get("Resources")!;
    }

    public static MapNode Resource(this MapNode resources, string logicalId) =>
        Assert.IsType<MapNode>(resources.Get(logicalId));

    public static MapNode Props(this MapNode resource) => Assert.IsType<MapNode>(resource.Get("Properties"));

    /// <summary>Python-style equality against a value built with <see cref="N"/>.</summary>
    public static void Equal(Node expected, Node? actual) =>
        Assert.True(Py.Equal(expected, actual), $"expected {expected} but got {actual}");

    public const string FunctionHeader = """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/key.zip
              Handler: index.handler
              Runtime: python3.12
        """;
}
