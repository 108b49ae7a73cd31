using System.Text.Json;
using Json.Schema;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Tests.Support;
using SamPerms.Yaml;

namespace SamPerms.Tests.Golden;

/// <summary>The published schemas describe what the tool writes (the JSON golden files) and the intent files it reads.</summary>
public sealed class SchemaTests
{
    // Built together, so that one schema's $ref to another resolves.
    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(() =>
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(RepoPaths.InRepo("schemas"), "*.schema.json").Order(StringComparer.Ordinal))
        {
            schemas[Path.GetFileName(file)] = JsonSchema.FromText(File.ReadAllText(file), options);
        }

        return schemas;
    });

    public static TheoryData<string, string> JsonOutputs()
    {
        var data = new TheoryData<string, string>();
        var golden = RepoPaths.InRepo("tests", "SamPerms.Tests", "Golden");
        foreach (var file in Directory.GetFiles(golden, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var schema = Path.GetFileName(file) switch
            {
                "permissions.json" => "permissions.schema.json",
                "diff-intent.json" => "intent-diff.schema.json",
                "diff-baseline.json" => "permissions-diff.schema.json",
                _ => null,
            };
            if (schema is not null)
            {
                data.Add(Path.GetRelativePath(RepoPaths.Root, file), schema);
            }
        }

        return data;
    }

    public static TheoryData<string> IntentFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Root, "intent.yaml", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(JsonOutputs))]
    public void Json_output_follows_its_schema(string file, string schema) =>
        Valid(schema, File.ReadAllText(RepoPaths.InRepo(file.Split(Path.DirectorySeparatorChar))));

    [Theory]
    [MemberData(nameof(IntentFiles))]
    public void Intent_files_follow_the_intent_schema(string file)
    {
        var read = TemplateReader.ReadText(File.ReadAllText(RepoPaths.InRepo(file.Split(Path.DirectorySeparatorChar))));
        Assert.True(read.Succeeded);
        Valid("intent.schema.json", JsonText.Pretty(read.Root!));
    }

    [Theory]
    [InlineData("ResizeFunction", "s3:PutObject", "arn:aws:s3:::mybucket-image-processing-resized/a.jpg")]
    [InlineData("ResizeFunction", "s3:DeleteObject", null)]
    [InlineData("ResizeFunction", "--invoked-by", "s3.amazonaws.com")]
    public void Can_output_follows_its_schema(string function, string first, string? second)
    {
        var template = RepoPaths.InRepo("templates", "image-resizer", "template.yaml");
        string[] args = ["can", template, function, first, .. second is null ? Array.Empty<string>() : [second], "--format", "json"];
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode is 0 or 1, r.Err);
        Valid("can.schema.json", r.Out);
    }

    [Fact]
    public void A_wrong_intent_is_rejected_by_the_schema()
    {
        var schema = Schema("intent.schema.json");
        using var doc = JsonDocument.Parse("""{"Functions": {"Fn": {"Allow": [{"Action": "GetObject"}]}}}""");
        var result = schema.Evaluate(doc.RootElement, Options());
        Assert.False(result.IsValid);
    }

    private static void Valid(string schemaFile, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = Schema(schemaFile).Evaluate(doc.RootElement, Options());
        Assert.True(result.IsValid, string.Join("\n", Errors(result)));
    }

    private static JsonSchema Schema(string file) => Schemas.Value[file];

    private static EvaluationOptions Options() => new() { OutputFormat = OutputFormat.List };

    private static IEnumerable<string> Errors(EvaluationResults results) =>
        (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10);
}
