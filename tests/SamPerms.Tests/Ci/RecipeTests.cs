using System.Text;
using System.Text.RegularExpressions;
using SamPerms.Tests.Golden;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Ci;

/// <summary>
/// The CI recipes of README.md run as documented, on the examples: a repository holding templates/ whose change
/// adds a wide grant to the image-resizer. Each recipe's commands run in bash with the built samperms on PATH;
/// what they print and the files they write are kept as golden transcripts (Golden/Ci/recipes).
/// </summary>
public sealed partial class RecipeTests
{
    private static string Readme => ReadmeText.Text;
    private static readonly string ToolDir = AppContext.BaseDirectory;

    [SkippableFact]
    public void ShellRecipe()
    {
        using var repo = Repository();
        var commands = ReadmeText.Block("ci-recipe-shell").Split('\n').Where(l => l.StartsWith("samperms ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, commands.Count);
        GoldenFiles.Check("tests/SamPerms.Tests/Golden/Ci/recipes/shell.txt", Transcript(repo, commands, ["perms.md"], new Dictionary<string, string>()));
    }

    [SkippableFact]
    public void GitLabRecipe()
    {
        using var repo = Repository();
        var block = ReadmeText.Block("ci-recipe-gitlab");
        var script = block[(block.IndexOf("  script:\n", StringComparison.Ordinal) + 10)..];
        var commands = script.Split('\n').TakeWhile(l => l.StartsWith("    - ", StringComparison.Ordinal)).Select(l => l[6..]).ToList();
        Assert.Contains(commands, c => c.Contains("--format codequality", StringComparison.Ordinal));
        var reports = ReportFiles().Matches(block).Select(m => m.Groups[1].Value).SelectMany(v => v.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries)).ToList();
        Assert.Equal(["gl-code-quality-report.json", "samperms-validate.xml", "samperms-diff.xml"], reports);
        GoldenFiles.Check(
            "tests/SamPerms.Tests/Golden/Ci/recipes/gitlab.txt",
            Transcript(repo, [string.Join("\n", commands)], reports, new Dictionary<string, string> { ["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "main" }));
    }

    [SkippableFact]
    public void PreCommitRecipe()
    {
        using var repo = Repository();
        var hooks = File.ReadAllText(RepoPaths.InRepo(".pre-commit-hooks.yaml"));
        var ids = HookIds().Matches(ReadmeText.Block("ci-recipe-precommit")).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["samperms-validate", "samperms-intent"], ids);
        var commands = new List<string>();
        foreach (var id in ids)
        {
            // pre-commit runs the hook's entry with the staged files that match its pattern.
            var at = hooks.IndexOf($"- id: {id}\n", StringComparison.Ordinal);
            Assert.True(at >= 0, $".pre-commit-hooks.yaml has no hook {id}");
            var entry = HookEntry().Match(hooks, at).Groups[1].Value;
            var files = new Regex(HookFiles().Match(hooks, at).Groups[1].Value);
            var staged = repo.Git("ls-files").Split('\n').Where(f => files.IsMatch(f)).ToList();
            Assert.NotEmpty(staged);
            commands.Add(entry + " " + string.Join(' ', staged));
        }

        GoldenFiles.Check("tests/SamPerms.Tests/Golden/Ci/recipes/pre-commit.txt", Transcript(repo, commands, [], new Dictionary<string, string>()));
    }

    [Fact]
    public void GitHubRecipeUsesTheActionWithItsInputs()
    {
        var block = ReadmeText.Block("ci-recipe-github");
        var uses = UsesAction().Match(block);
        Assert.True(uses.Success, "the workflow does not use the action");
        var action = File.ReadAllText(RepoPaths.InRepo([.. uses.Groups[1].Value.Split('/'), "action.yml"]));
        // The lines of the step's with: block (indented deeper than with:), each an input of the action.
        var lines = block[uses.Index..].Split('\n').SkipWhile(l => l.Trim() != "with:").ToList();
        Assert.NotEmpty(lines);
        var indent = lines[0].Length - lines[0].TrimStart().Length;
        var given = lines.Skip(1).TakeWhile(l => l.Length - l.TrimStart().Length > indent)
            .Select(l => l.Trim().Split(':')[0]).ToList();
        Assert.NotEmpty(given);
        foreach (var input in given)
        {
            Assert.Contains($"\n  {input}:\n", action);
            Assert.Contains($"| `{input}` |", Readme);
        }
    }


    /// <summary>main: the examples; the change (HEAD): a statement granting dynamodb:* on * in the image-resizer.</summary>
    private static GitRepo Repository()
    {
        Skip.IfNot(GitRepo.Available && File.Exists("/bin/bash") && File.Exists(Path.Combine(ToolDir, "samperms")), "needs git, bash and the samperms app host beside the tests");
        var repo = new GitRepo();
        foreach (var dir in Directory.GetDirectories(RepoPaths.InRepo("templates")).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            {
                repo.Write($"templates/{Path.GetFileName(dir)}/{Path.GetFileName(file)}", File.ReadAllText(file));
            }
        }

        repo.Commit("the examples");
        repo.Git("update-ref", "refs/remotes/origin/main", "main");
        repo.Git("checkout", "-q", "-b", "change");
        var path = "templates/image-resizer/template.yaml";
        var text = File.ReadAllText(Path.Combine(repo.Path, path));
        const string anchor = "      Policies:\n";
        Assert.Contains(anchor, text);
        repo.Write(path, text.Replace(anchor, anchor + "        - Statement:\n            - Effect: Allow\n              Action: dynamodb:*\n              Resource: '*'\n", StringComparison.Ordinal));
        repo.Commit("a wide grant");
        return repo;
    }

    /// <summary>Runs each command in bash in the repository and writes what it printed, its exit code and the files it wrote.</summary>
    private static string Transcript(GitRepo repo, IReadOnlyList<string> commands, IReadOnlyList<string> files, IReadOnlyDictionary<string, string> env)
    {
        var sb = new StringBuilder();
        var environment = new Dictionary<string, string>(env)
        {
            ["PATH"] = ToolDir + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["NO_COLOR"] = "1",
        };
        foreach (var command in commands)
        {
            var (code, stdout, stderr) = GitRepo.Run("/bin/bash", ["-c", command], repo.Path, environment);
            sb.Append("$ ").Append(command.Replace("\n", "\n$ ", StringComparison.Ordinal)).Append('\n');
            sb.Append(stdout);
            if (stderr.Length > 0)
            {
                sb.Append("[stderr]\n").Append(stderr);
            }

            sb.Append("[exit ").Append(code).Append("]\n\n");
        }

        foreach (var file in files)
        {
            var path = Path.Combine(repo.Path, file);
            sb.Append("== ").Append(file).Append(" ==\n").Append(File.Exists(path) ? File.ReadAllText(path) : "(not written)\n").Append('\n');
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"\n      (?:codequality|junit): (.+)")]
    private static partial Regex ReportFiles();

    [GeneratedRegex(@"- id: ([a-z-]+)")]
    private static partial Regex HookIds();

    [GeneratedRegex(@"\n  entry: (.+)")]
    private static partial Regex HookEntry();

    [GeneratedRegex(@"\n  files: (.+)")]
    private static partial Regex HookFiles();

    [GeneratedRegex(@"uses: OWNER/samperms/([^@\s]+)@")]
    private static partial Regex UsesAction();
}
