using SamPerms.Model;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Golden;

/// <summary>
/// Golden tests of <c>samperms explain</c> (text, markdown, JSON) and <c>samperms transform --annotate</c> on the
/// examples (templates/*), run in the example's directory with relative paths as a user would type them.
/// </summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class ExplainGoldenTests
{
    public static TheoryData<string> Examples() =>
        [.. Directory.GetDirectories(RepoPaths.InRepo("templates")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Explain(string name)
    {
        var outputs = InExample<(string, string)[]>(name, () =>
        [
            ("explain.txt", Run("explain", "template.yaml")),
            ("explain.md", Run("explain", "template.yaml", "--format", "markdown")),
            ("explain.json", Run("explain", "template.yaml", "--format", "json")),
        ]);
        foreach (var (golden, text) in outputs)
        {
            GoldenFiles.Check($"tests/SamPerms.Tests/Golden/Examples/{name}/{golden}", text);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Annotate(string name)
    {
        using var dir = new TempDir();
        var (annotated, plain, origins) = InExample(name, () =>
        {
            var annotated = Run("transform", "template.yaml", "--format", "yaml", "--annotate");
            var plain = Run("transform", "template.yaml", "--format", "yaml");
            Run("transform", "template.yaml", "--annotate", "-o", Path.Combine(dir.Path, "out.json"));
            return (annotated, plain, File.ReadAllText(Path.Combine(dir.Path, "out.origins.json")));
        });
        Assert.Contains("# from ", annotated, StringComparison.Ordinal);
        var a = SamPerms.Yaml.TemplateReader.ReadText(annotated);
        var p = SamPerms.Yaml.TemplateReader.ReadText(plain);
        Assert.True(a.Succeeded && p.Succeeded);
        Assert.Equal(Model.JsonText.Pretty(p.Root!), Model.JsonText.Pretty(a.Root!));
        GoldenFiles.Check($"tests/SamPerms.Tests/Golden/Examples/{name}/transform-annotated.yaml", annotated);
        GoldenFiles.Check($"tests/SamPerms.Tests/Golden/Examples/{name}/origins.json", origins);
    }

    [Fact]
    public void Annotated_JSON_needs_a_file_to_put_the_origins_beside()
    {
        var r = CliRunner.Run("transform", RepoPaths.InRepo("templates", "image-resizer", "template.yaml"), "--annotate");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--annotate with JSON output writes NAME.origins.json", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    internal static string Run(params string[] args)
    {
        var result = CliRunner.Run([.. args, "--region", "us-east-1"]);
        Assert.True(result.ExitCode == 0 && result.Err.Length == 0, $"samperms {string.Join(' ', args)}: exit {result.ExitCode}\n{result.Err}");
        return result.Out;
    }

    internal static T InExample<T>(string name, Func<T> run)
    {
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = RepoPaths.InRepo("templates", name);
        try
        {
            return run();
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
