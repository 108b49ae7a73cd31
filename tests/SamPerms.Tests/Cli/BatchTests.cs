using SamPerms.Cli;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>A batch goes on past a file it cannot read: that file gets a located error finding, the others are reported.</summary>
public sealed class BatchTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public void Validate_goes_on_past_a_missing_file_in_every_format(string format)
    {
        using var dir = new TempDir();
        var good = dir.Write("a.yaml", Samples.Risky);
        var missing = Path.Combine(dir.Path, "missing.yaml");
        var r = CliRunner.Run("validate", good, missing, "--format", format);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("SP3106", r.Out, StringComparison.Ordinal);
        Assert.Contains("SP1008", r.Out, StringComparison.Ordinal);
        Assert.Contains("missing.yaml", r.Out, StringComparison.Ordinal);
        if (format == "sarif")
        {
            var problems = SamPerms.Tests.Validation.SarifShape.Problems(r.Out);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }

    [Fact]
    public void A_directory_in_a_validate_batch_without_templates_is_said()
    {
        using var dir = new TempDir();
        var good = dir.Write("a.yaml", Samples.Function);
        Directory.CreateDirectory(Path.Combine(dir.Path, "empty"));
        var r = CliRunner.Run("validate", good, Path.Combine(dir.Path, "empty"));
        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains("is a directory with no template.yaml", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_goes_on_past_a_missing_file()
    {
        using var dir = new TempDir();
        var good = dir.Write("a.yaml", Samples.Function);
        var outDir = Path.Combine(dir.Path, "out");
        var r = CliRunner.Run("transform", Path.Combine(dir.Path, "missing.yaml"), good, "--out-dir", outDir);
        Assert.NotEqual(ExitCodes.Ok, r.ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "a.json")));
        Assert.Contains("missing.yaml", r.Err, StringComparison.Ordinal);
    }
}
