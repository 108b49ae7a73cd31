using SamPerms.Cli;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>validate --write-baseline / --baseline: accepted findings stay accepted when lines move; new ones are reported.</summary>
public sealed class BaselineFileTests
{
    [Fact]
    public void Accepted_findings_are_matched_by_code_resource_and_path_not_line()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Samples.Risky);
        var baseline = Path.Combine(dir.Path, "baseline.json");
        var write = CliRunner.Run("validate", t, "--write-baseline", baseline);
        Assert.Equal(ExitCodes.Ok, write.ExitCode);
        var text = File.ReadAllText(baseline);
        Assert.Contains("\"file\": \"template.yaml\"", text, StringComparison.Ordinal);
        Assert.Contains("\"code\": \"SP3106\"", text, StringComparison.Ordinal);
        Assert.Contains("\"resource\": \"Hello\"", text, StringComparison.Ordinal);

        // Lines move (a comment and a parameter above), and a second function brings a new finding.
        File.WriteAllText(t, "# moved\nParameters:\n  Stage: {Type: String, Default: dev}\n" + Samples.Risky.TrimEnd()
            + "\n  Other:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: s3://bucket/other.zip\n      FunctionUrlConfig:\n        AuthType: NONE\n");
        var r = CliRunner.Run("validate", t, "--baseline", baseline, "--fail-on", "warning", "--format", "json");
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(r.Out, "\"code\": \"SP3106\""));
        Assert.Contains("Resources.Other", r.Out, StringComparison.Ordinal);

        File.WriteAllText(t, "# moved\n" + Samples.Risky);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("validate", t, "--baseline", baseline, "--fail-on", "warning").ExitCode);
    }

    [Fact]
    public void A_bad_baseline_is_a_located_usage_error()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Samples.Function);
        var r = CliRunner.Run("validate", t, "--baseline", dir.Write("b.json", "{\"accepted\": [1]}"));
        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains("b.json:1:", r.Err, StringComparison.Ordinal);
    }
}
