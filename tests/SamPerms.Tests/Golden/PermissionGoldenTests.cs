using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Golden;

/// <summary>
/// Golden tests of <c>samperms permissions</c> and <c>samperms diff</c> on the examples (templates/*) and on the
/// cases under Golden/Permissions. Each case directory holds template.yaml, optionally intent.yaml (checked
/// with diff --intent) and old.yaml (compared with diff OLD NEW); the expected outputs sit beside them (for the
/// examples, under Golden/Examples/NAME). A case whose template uses SAM features the transform does not
/// expand yet is skipped, saying which. The commands run in the case directory with relative paths, as a user
/// would type them, so outputs do not depend on where the repository is; hence no parallel tests alongside.
/// </summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class PermissionGoldenTests
{
    private const string CasesDir = "tests/SamPerms.Tests/Golden/Permissions";
    private const string ExamplesGoldenDir = "tests/SamPerms.Tests/Golden/Examples";

    public static TheoryData<string> Cases() => [.. CaseNames(CasesDir)];

    public static TheoryData<string> Examples() => [.. CaseNames("templates")];

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case(string name) => Run($"{CasesDir}/{name}", $"{CasesDir}/{name}");

    [SkippableTheory]
    [MemberData(nameof(Examples))]
    public void Example(string name) => Run($"templates/{name}", $"{ExamplesGoldenDir}/{name}");

    private static IEnumerable<string> CaseNames(string dir) =>
        Directory.GetDirectories(RepoPaths.InRepo(dir.Split('/')))
            .Where(d => File.Exists(Path.Combine(d, "template.yaml")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    private static void Run(string inputDir, string goldenDir)
    {
        var dir = RepoPaths.InRepo(inputDir.Split('/'));
        var template = Path.Combine(dir, "template.yaml");
        var pending = TransformSupport.Pending(template);
        Skip.If(pending is not null, $"waits for the transform: {pending}");

        var exits = new List<string>();
        var outputs = new List<(string Golden, string Text)>();
        void Command(string golden, params string[] args)
        {
            var result = CliRunner.Run([.. args, "--region", "us-east-1"]);
            var shown = string.Join(' ', args);
            exits.Add($"samperms {shown}: exit {result.ExitCode}");
            Assert.True(result.Err.Length == 0, $"samperms {shown} wrote to stderr:\n{result.Err}");
            outputs.Add((golden, result.Out));
        }

        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = dir;
        try
        {
            Command("permissions.txt", "permissions", "template.yaml");
            Command("permissions.json", "permissions", "template.yaml", "--format", "json");
            Command("permissions.md", "permissions", "template.yaml", "--format", "markdown");
            Command("permissions.mmd", "permissions", "template.yaml", "--format", "mermaid");
            if (File.Exists("intent.yaml"))
            {
                Command("diff-intent.txt", "diff", "template.yaml", "--intent", "intent.yaml");
                Command("diff-intent.json", "diff", "template.yaml", "--intent", "intent.yaml", "--format", "json");
                Command("diff-intent.md", "diff", "template.yaml", "--intent", "intent.yaml", "--format", "markdown");
            }

            if (File.Exists("old.yaml"))
            {
                Command("diff-baseline.txt", "diff", "old.yaml", "template.yaml");
                Command("diff-baseline.json", "diff", "old.yaml", "template.yaml", "--format", "json");
                Command("diff-baseline.md", "diff", "old.yaml", "template.yaml", "--format", "markdown");
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        foreach (var (golden, text) in outputs)
        {
            GoldenFiles.Check($"{goldenDir}/{golden}", text);
        }

        GoldenFiles.Check($"{goldenDir}/exit-codes.txt", string.Join('\n', exits) + "\n");
    }
}

/// <summary>Tests that change the process's working directory: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkingDirectoryCollection
{
    public const string Name = "working directory";
}

/// <summary>Whether the transform expands everything a template uses today.</summary>
public static class TransformSupport
{
    /// <summary>Null when it does; else what is missing (an event type, a SAM resource type).</summary>
    public static string? Pending(string templatePath)
    {
        var outcome = SamTranslator.TransformBytes(File.ReadAllBytes(templatePath), new TransformOptions { Region = "us-east-1" });
        if (!outcome.Succeeded)
        {
            var unsupported = outcome.Diagnostics.FirstOrDefault(d => d.Message.Contains("Event Type is:", StringComparison.Ordinal));
            return unsupported?.Message;
        }

        var types = outcome.Template!.Get("Resources") is Model.MapNode resources
            ? resources.Values.OfType<Model.MapNode>().Select(r => r.Get("Type")?.Str).OfType<string>()
                .Where(t => t.StartsWith("AWS::Serverless::", StringComparison.Ordinal)).Distinct().ToList()
            : [];
        return types.Count > 0 ? "not expanded yet: " + string.Join(", ", types) : null;
    }
}
