using SamPerms.Cli;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>.samperms.yaml: ignore list, fail-on, show, default region and intent per template; located errors for bad keys.</summary>
public sealed class ProjectConfigTests
{
    [Fact]
    public void The_project_file_beside_the_template_sets_ignore_fail_on_show_and_region()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Samples.Risky);
        dir.Write(".samperms.yaml", "ignore: [SP3106]\nfail-on: info\nshow: info\nregion: eu-west-1\n");
        var r = CliRunner.Run("validate", t);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("SP3108", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("SP3106", r.Out, StringComparison.Ordinal);
        Assert.Contains(".samperms.yaml, region eu-west-1 (.samperms.yaml)", r.Err, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Ok, CliRunner.Run("validate", t, "--fail-on", "error").ExitCode);
    }

    [Fact]
    public void A_parent_folder_up_to_the_repository_root_is_searched_and_config_names_one()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "services", "orders"));
        var t = dir.Write("services/orders/template.yaml", Samples.Risky);
        dir.Write("intent.yaml", "Functions:\n  Hello:\n    InvokedBy: []\n");
        dir.Write(".samperms.yaml", "templates:\n  services/orders/template.yaml:\n    intent: intent.yaml\n");
        var diff = CliRunner.Run("diff", t);
        Assert.Equal(ExitCodes.Invalid, diff.ExitCode);
        Assert.Contains("excess", diff.Out, StringComparison.Ordinal);

        var other = dir.Write("other.yaml", "fail-on: warning\n");
        Assert.Equal(ExitCodes.Invalid, CliRunner.Run("validate", t, "--config", other).ExitCode);
    }

    [Fact]
    public void Bad_keys_are_located_errors_with_suggestions()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Samples.Function);
        dir.Write(".samperms.yaml", "ignore: [SP3106]\nfail_on: warning\nshow: infos\n");
        var r = CliRunner.Run("validate", t);
        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains(".samperms.yaml:2:1: error SP5001: unknown key 'fail_on'", r.Err, StringComparison.Ordinal);
        Assert.Contains("did you mean 'fail-on'", r.Err, StringComparison.Ordinal);
        Assert.Contains(".samperms.yaml:3:7: error SP5001: show: 'infos' is not one of error, warning, info", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_accepts_the_documented_keys()
    {
        var schema = File.ReadAllText(RepoPaths.InRepo("schemas", "samperms-config.schema.json"));
        foreach (var key in new[] { "\"ignore\"", "\"fail-on\"", "\"show\"", "\"region\"", "\"templates\"", "\"intent\"" })
        {
            Assert.Contains(key, schema, StringComparison.Ordinal);
        }
    }
}
