using SamPerms.Cli;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>No output is lost or clobbered: outputs mirror input paths, inputs are never written over, stale counterparts go.</summary>
public sealed class FileSafetyTests
{
    [Fact]
    public void Out_dir_mirrors_each_input_path_so_templates_with_one_name_stay_apart()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "orders"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "users"));
        var orders = dir.Write("orders/template.yaml", Samples.Function);
        var users = dir.Write("users/template.yaml", Samples.Rejected);
        var outDir = Path.Combine(dir.Path, "out");
        var r = CliRunner.Run("transform", orders, users, "--out-dir", outDir);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "orders", "template.json")), r.Err);
        Assert.True(File.Exists(Path.Combine(outDir, "users", "template.error.json")), r.Err);
    }

    [Fact]
    public void Two_inputs_that_would_map_to_one_file_are_refused_naming_both()
    {
        using var dir = new TempDir();
        var yaml = dir.Write("template.yaml", Samples.Function);
        var json = dir.Write("template.json", "{\"Transform\": \"AWS::Serverless-2016-10-31\", \"Resources\": {}}");
        var outDir = Path.Combine(dir.Path, "out");
        var r = CliRunner.Run("transform", yaml, json, "--out-dir", outDir);
        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains(yaml, r.Err, StringComparison.Ordinal);
        Assert.Contains(json, r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Fact]
    public void No_command_writes_over_its_input()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Samples.Function);
        var before = File.ReadAllText(t);

        var sameFile = CliRunner.Run("transform", t, "--format", "yaml", "-o", t);
        Assert.Equal(ExitCodes.UsageOrIo, sameFile.ExitCode);
        Assert.Contains("never writes over its input", sameFile.Err, StringComparison.Ordinal);

        var sameDir = CliRunner.Run("transform", t, "--format", "yaml", "--out-dir", dir.Path);
        Assert.Equal(ExitCodes.UsageOrIo, sameDir.ExitCode);

        foreach (var args in new[]
        {
            new[] { "permissions", t, "--output-file", t },
            new[] { "validate", t, "--output-file", t },
            new[] { "can", t, "Hello", "s3:GetObject", "--output-file", t },
            new[] { "diff", t, t, "--output-file", t },
            new[] { "explain", t, "--output-file", t },
            new[] { "report", t, "-o", t },
        })
        {
            var r = CliRunner.Run(args);
            Assert.True(r.ExitCode == ExitCodes.UsageOrIo, $"{string.Join(' ', args)}: exit {r.ExitCode}\n{r.Err}");
        }

        Assert.Equal(before, File.ReadAllText(t));
    }

    [Fact]
    public void Writing_a_result_removes_the_stale_counterpart()
    {
        using var dir = new TempDir();
        var t = dir.Write("t.yaml", Samples.Rejected);
        var outDir = Path.Combine(dir.Path, "out");
        Assert.Equal(ExitCodes.Invalid, CliRunner.Run("transform", t, "--out-dir", outDir).ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "t.error.json")));

        File.WriteAllText(t, Samples.Function);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("transform", t, "--out-dir", outDir).ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "t.json")));
        Assert.False(File.Exists(Path.Combine(outDir, "t.error.json")));

        File.WriteAllText(t, Samples.Rejected);
        Assert.Equal(ExitCodes.Invalid, CliRunner.Run("transform", t, "--out-dir", outDir).ExitCode);
        Assert.False(File.Exists(Path.Combine(outDir, "t.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "t.error.json")));
    }

    [Fact]
    public void The_output_file_extension_picks_the_format_unless_format_is_given()
    {
        using var dir = new TempDir();
        var t = dir.Write("t.yaml", Samples.Function);
        var yaml = Path.Combine(dir.Path, "out.yaml");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("transform", t, "-o", yaml).ExitCode);
        Assert.Contains("\nResources:\n", "\n" + File.ReadAllText(yaml), StringComparison.Ordinal);

        var forced = Path.Combine(dir.Path, "forced.yml");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("transform", t, "-o", forced, "--format", "json").ExitCode);
        Assert.StartsWith("{", File.ReadAllText(forced), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_output_directory_is_named_without_temporary_files()
    {
        using var dir = new TempDir();
        var t = dir.Write("t.yaml", Samples.Function);
        var target = Path.Combine(dir.Path, "nowhere", "out.json");
        foreach (var args in new[] { new[] { "transform", t, "-o", target }, new[] { "permissions", t, "--output-file", target } })
        {
            var r = CliRunner.Run(args);
            Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
            Assert.Contains($"directory {Path.Combine(dir.Path, "nowhere")} does not exist", r.Err, StringComparison.Ordinal);
            Assert.DoesNotContain(".tmp", r.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_report_command_writes_its_output_file()
    {
        using var dir = new TempDir();
        var t = dir.Write("t.yaml", Samples.Risky);
        foreach (var (name, args) in new[]
        {
            ("permissions.json", new[] { "permissions", t, "--format", "json" }),
            ("validate.sarif", new[] { "validate", t, "--format", "sarif" }),
            ("can.txt", new[] { "can", t, "Hello", "logs:PutLogEvents" }),
            ("diff.md", new[] { "diff", t, t, "--format", "markdown" }),
            ("explain.md", new[] { "explain", t, "--format", "markdown" }),
            ("report.html", new[] { "report", t }),
        })
        {
            var file = Path.Combine(dir.Path, name);
            var toStdout = CliRunner.Run(args);
            var toFile = CliRunner.Run([.. args, "--output-file", file]);
            Assert.Equal(toStdout.ExitCode, toFile.ExitCode);
            Assert.Equal("", toFile.Out);
            Assert.Equal(toStdout.Out, File.ReadAllText(file));
        }

        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }
}
