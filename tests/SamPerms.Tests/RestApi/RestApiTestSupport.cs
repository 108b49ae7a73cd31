using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Yaml;

namespace SamPerms.Tests.RestApi;

internal static class RestApiTestSupport
{
    public static MapNode Transform(string yaml, string region = "ap-southeast-1")
    {
        var outcome = TemplateTransformer.TransformNode(TemplateReader.ReadText(yaml).Root!, new TransformOptions { Region = region });
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        return (MapNode)outcome.Template!.Get("Resources")!;
    }

    public static string? Error(string yaml)
    {
        var outcome = TemplateTransformer.TransformNode(TemplateReader.ReadText(yaml).Root!, new TransformOptions { Region = "ap-southeast-1" });
        return outcome.ErrorMessage;
    }

    public static MapNode Props(MapNode resources, string id) => (MapNode)((MapNode)resources.Get(id)!).Get("Properties")!;

    public static string JsonOf(Node node) => node.ToString();

    public static string DeploymentId(MapNode resources, string apiId) =>
        resources.Keys.Single(k => k.StartsWith(apiId + "Deployment", StringComparison.Ordinal));
}
