using System.Text.Json;
using SamPerms.Tests.Golden;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Ci;

/// <summary><c>samperms diff --git BASE [TEMPLATE...]</c> on a temporary repository: modified, added, deleted, renamed and unchanged templates.</summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class DiffGitTests
{
    private static string Template(string policies) => $$"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/code.zip
              Policies:
                - {{policies}}
        """;

    [SkippableFact]
    public void EachKindOfChangeIsReportedAndBroadeningFails()
    {
        Skip.IfNot(GitRepo.Available, "git is not installed");
        using var repo = new GitRepo();
        repo.Write("orders/template.yaml", Template("S3ReadPolicy: {BucketName: orders}"));
        repo.Write("billing/template.yaml", Template("SQSPollerPolicy: {QueueName: bills}"));
        repo.Write("legacy/template.yaml", Template("SNSPublishMessagePolicy: {TopicName: alerts}"));
        repo.Write("same/template.yaml", Template("S3ReadPolicy: {BucketName: same}"));
        repo.Commit("base");
        repo.Git("tag", "v1");

        repo.Write("orders/template.yaml", Template("S3CrudPolicy: {BucketName: orders}"));   // modified: broadening
        repo.Write("reports/template.yaml", File.ReadAllText(RepoPaths.InRepo("templates", "nightly-report", "template.yaml"))); // added
        File.Delete(Path.Combine(repo.Path, "legacy", "template.yaml"));                      // deleted
        repo.Git("mv", "billing/template.yaml", "payments-template.yaml");                      // renamed (to a name diff --git does not look for)
        repo.Commit("change");

        var json = Run(repo, "diff", "--git", "v1", "--format", "json");
        Assert.Equal(1, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Out);
        var changes = doc.RootElement.GetProperty("templates").EnumerateArray()
            .ToDictionary(t => t.GetProperty("path").GetString()!, t => t.GetProperty("change").GetString());
        Assert.Equal("modified", changes["orders/template.yaml"]);
        Assert.Equal("added", changes["reports/template.yaml"]);
        Assert.Equal("deleted", changes["legacy/template.yaml"]);
        Assert.Equal("renamed", changes["payments-template.yaml"]);
        Assert.False(changes.ContainsKey("same/template.yaml"));

        var orders = doc.RootElement.GetProperty("templates").EnumerateArray().Single(t => t.GetProperty("path").GetString() == "orders/template.yaml");
        Assert.True(orders.GetProperty("diff").GetProperty("summary").GetProperty("broadening").GetInt32() > 0);
        var renamed = doc.RootElement.GetProperty("templates").EnumerateArray().Single(t => t.GetProperty("path").GetString() == "payments-template.yaml");
        Assert.Equal("billing/template.yaml", renamed.GetProperty("basePath").GetString());
        Assert.Equal(0, renamed.GetProperty("diff").GetProperty("summary").GetProperty("added").GetInt32());

        var text = Run(repo, "diff", "--git", "v1");
        Assert.Contains("== orders/template.yaml (modified) ==", text.Out);
        Assert.Contains("== reports/template.yaml (added) ==", text.Out);
        Assert.Contains("== legacy/template.yaml (deleted) ==", text.Out);
        Assert.Contains("== payments-template.yaml (renamed from billing/template.yaml) ==", text.Out);
    }

    [SkippableFact]
    public void NamedTemplatesIncludingUnchangedOnes()
    {
        Skip.IfNot(GitRepo.Available, "git is not installed");
        using var repo = new GitRepo();
        repo.Write("app/template.yaml", Template("S3ReadPolicy: {BucketName: a}"));
        repo.Write("other/template.yaml", Template("S3ReadPolicy: {BucketName: b}"));
        repo.Commit("base");
        repo.Write("other/template.yaml", Template("S3ReadPolicy: {BucketName: c}"));
        var r = Run(repo, "diff", "--git", "HEAD", "app/template.yaml", "--format", "markdown");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("`app/template.yaml` (unchanged)", r.Out);
        Assert.Contains("No permission changes.", r.Out);
        Assert.DoesNotContain("other/template.yaml", r.Out);

        var narrowing = Run(repo, "diff", "--git", "HEAD", "other/template.yaml", "--fail-on", "any");
        Assert.Equal(1, narrowing.ExitCode);
    }

    [SkippableFact]
    public void ABadRevisionOrNoRepositoryIsAUsageError()
    {
        Skip.IfNot(GitRepo.Available, "git is not installed");
        using var repo = new GitRepo();
        repo.Write("template.yaml", Template("S3ReadPolicy: {BucketName: a}"));
        repo.Commit("base");
        var bad = Run(repo, "diff", "--git", "no-such-branch");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("'no-such-branch' is not a commit", bad.Err);

        using var plain = new TempDir();
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = plain.Path;
        try
        {
            var outside = CliRunner.Run("diff", "--git", "main");
            Assert.Equal(2, outside.ExitCode);
            Assert.Contains("is not in a git repository", outside.Err);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private static CliRunner.Result Run(GitRepo repo, params string[] args)
    {
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = repo.Path;
        try
        {
            return CliRunner.Run([.. args, "--region", "us-east-1"]);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
