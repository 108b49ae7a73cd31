using SamPerms.Tests.Support;

namespace SamPerms.Tests.Ci;

/// <summary>
/// The GitHub Action's script (src/SamPerms.Action/samperms-ci.sh) run as the runner runs it: the environment
/// GitHub provides (GITHUB_STEP_SUMMARY, GITHUB_BASE_REF, INPUT_*), in a repository whose pull request adds a
/// wide grant to the image-resizer example. Checks the summary, the annotations, the SARIF log and the exit status.
/// </summary>
public sealed class ActionScriptTests
{
    private static readonly string Script = RepoPaths.InRepo("src", "SamPerms.Action", "samperms-ci.sh");
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "samperms");

    [SkippableFact]
    public void PullRequestThatBroadensFailsWithSummaryAnnotationsAndSarif()
    {
        using var repo = PullRequest();
        var summary = Path.Combine(repo.Path, "..", Path.GetFileName(repo.Path) + "-summary.md");
        var (code, stdout, stderr) = RunScript(repo, summary, failOn: "error,broadening,missing");
        try
        {
            Assert.True(code == 1, $"exit {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
            var text = File.ReadAllText(summary);
            Assert.Contains("## SamPerms", text);
            Assert.Contains("### Permission changes since `main`", text);
            Assert.Contains("dynamodb:*", text);
            Assert.Contains("app/template.yaml", text);
            Assert.Contains("### `app/template.yaml` against `app/intent.yaml`", text);

            // The wide grant is annotated at its line in the changed template.
            var line = File.ReadAllLines(Path.Combine(repo.Path, "app", "template.yaml")).ToList().FindIndex(l => l.Contains("dynamodb:*", StringComparison.Ordinal)) + 1;
            Assert.Contains($"::warning file=app/template.yaml,line={line},", stdout);

            var sarif = File.ReadAllText(Path.Combine(repo.Path, "results.sarif"));
            Assert.Contains("\"version\": \"2.1.0\"", sarif);
            Assert.Contains("SP3101", sarif);
        }
        finally
        {
            File.Delete(summary);
        }
    }

    [SkippableFact]
    public void FailOnNoneReportsButPasses()
    {
        using var repo = PullRequest();
        var summary = Path.Combine(repo.Path, "..", Path.GetFileName(repo.Path) + "-summary.md");
        var (code, stdout, stderr) = RunScript(repo, summary, failOn: "none");
        try
        {
            Assert.True(code == 0, $"exit {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.Contains("dynamodb:*", File.ReadAllText(summary));
        }
        finally
        {
            File.Delete(summary);
        }
    }

    [SkippableFact]
    public void UnchangedTemplatesPass()
    {
        Skip.IfNot(Ready(out var why), why);
        using var repo = new GitRepo();
        repo.Write("app/template.yaml", File.ReadAllText(RepoPaths.InRepo("templates", "queue-worker", "template.yaml")));
        repo.Commit("base");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write("README.md", "docs only\n");
        repo.Commit("docs");
        var summary = Path.Combine(repo.Path, "..", Path.GetFileName(repo.Path) + "-summary.md");
        var (code, stdout, stderr) = RunScript(repo, summary, failOn: "error,broadening");
        try
        {
            Assert.True(code == 0, $"exit {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.Contains("No permission changes", File.ReadAllText(summary));
        }
        finally
        {
            File.Delete(summary);
        }
    }

    private static bool Ready(out string why)
    {
        why = !GitRepo.Available ? "git is not installed"
            : !File.Exists("/bin/bash") ? "bash is not installed"
            : !File.Exists(Tool) ? $"the samperms app host is not beside the tests ({Tool})"
            : "";
        return why.Length == 0;
    }

    /// <summary>main: the image-resizer example with its intent; feature: a statement granting dynamodb:* on *.</summary>
    private static GitRepo PullRequest()
    {
        Skip.IfNot(Ready(out var why), why);
        var repo = new GitRepo();
        var template = File.ReadAllText(RepoPaths.InRepo("templates", "image-resizer", "template.yaml"));
        repo.Write("app/template.yaml", template);
        repo.Write("app/intent.yaml", File.ReadAllText(RepoPaths.InRepo("templates", "image-resizer", "intent.yaml")));
        repo.Commit("base");
        repo.Git("checkout", "-q", "-b", "feature");
        const string anchor = "      Policies:\n";
        Assert.Contains(anchor, template);
        var wide = template.Replace(anchor, anchor + "        - Statement:\n            - Effect: Allow\n              Action: dynamodb:*\n              Resource: '*'\n", StringComparison.Ordinal);
        repo.Write("app/template.yaml", wide);
        repo.Commit("feature: a wide grant");
        return repo;
    }

    private static (int, string, string) RunScript(GitRepo repo, string summary, string failOn) =>
        GitRepo.Run("/bin/bash", [Script], repo.Path, new Dictionary<string, string>
        {
            ["SAMPERMS"] = Tool,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_BASE_REF"] = "main",
            ["INPUT_TEMPLATES"] = "**/template.yaml",
            ["INPUT_INTENT"] = "auto",
            ["INPUT_FAIL_ON"] = failOn,
            ["INPUT_REGION"] = "us-east-1",
            ["INPUT_SARIF"] = "results.sarif",
        });
}
