using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Yaml;

namespace SamPerms.Tests.Support;

/// <summary>Runs the engine's public transform on a YAML text written in a test, and reads parts of the output.</summary>
public static class Transform
{
    /// <summary>A function with code, handler and runtime; tests append its Events (or other resources).</summary>
    public const string FunctionHeader = """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/key.zip
              Handler: index.handler
              Runtime: python3.12
        """;

    public static TransformOutcome Run(string yaml, IReadOnlyDictionary<string, string>? parameters = null, string region = "us-east-1")
    {
        var read = TemplateReader.ReadText(yaml);
        Assert.True(read.Succeeded, string.Join("; ", read.Diagnostics.Select(d => d.Message)));
        var options = new TransformOptions { Region = region, ParameterOverrides = parameters ?? new Dictionary<string, string>() };
        return SamTranslator.Transform(read.Root!, options);
    }

    /// <summary>The output Resources of a transform that must succeed.</summary>
    public static MapNode Resources(string yaml, IReadOnlyDictionary<string, string>? parameters = null, string region = "us-east-1") =>
        Resources(Run(yaml, parameters, region));

    /// <summary>The output Resources of a transform that must have succeeded.</summary>
    public static MapNode Resources(TransformOutcome outcome)
    {
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

    /// <summary>Asserts that the transform fails and that the reference's full message ends with <paramref name="cause"/>.</summary>
    public static void AssertErrorEndsWith(string yaml, string cause) =>
        Assert.EndsWith(cause, Error(yaml), StringComparison.Ordinal);

    public static MapNode Resource(this MapNode resources, string logicalId) =>
        resources.Get(logicalId) as MapNode ?? throw new Xunit.Sdk.XunitException($"no resource {logicalId}; have {string.Join(", ", resources.Keys)}");

    public static MapNode Props(this MapNode resource) => Assert.IsType<MapNode>(resource.Get("Properties"));

    /// <summary>A resource of a transform that must have succeeded.</summary>
    public static MapNode Resource(TransformOutcome outcome, string logicalId) => Resources(outcome).Resource(logicalId);

    /// <summary>The Properties of a resource of a transform that must have succeeded.</summary>
    public static MapNode Properties(TransformOutcome outcome, string logicalId) => Resource(outcome, logicalId).Props();

    /// <summary>The Properties of one of the output Resources.</summary>
    public static MapNode Properties(MapNode resources, string logicalId) => resources.Resource(logicalId).Props();

    /// <summary>The logical id of a REST API's Deployment (it ends in the hash of the API's definition).</summary>
    public static string DeploymentId(MapNode resources, string apiId) =>
        resources.Keys.Single(k => k.StartsWith(apiId + "Deployment", StringComparison.Ordinal));

    /// <summary>The value at a path of map keys and list indexes; null where the path does not lead.</summary>
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

    /// <summary>Compact JSON of a node, for asserting small values.</summary>
    public static string JsonOf(Node? node) => node is null ? "null" : JsonText.Compact(node);

    /// <summary>Python-style equality against a value built with <see cref="N"/>.</summary>
    public static void Equal(Node expected, Node? actual) =>
        Assert.True(Py.Equal(expected, actual), $"expected {expected} but got {actual}");
}
