using System.Diagnostics;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Security;

/// <summary>
/// <c>-o FILE</c> on what is not a plain file: a FIFO and a device are written in place (never replaced by a
/// regular file), a symbolic link's target is replaced and the link kept, a full device and a missing directory
/// are clear errors with exit 2, and no temporary file is left behind or taken for an output.
/// </summary>
public sealed class OutputFileTests
{
    private static readonly string Example = RepoPaths.InRepo("templates", "image-resizer", "template.yaml");

    [Fact]
    public async Task A_fifo_is_written_in_place_and_stays_a_fifo()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDir();
        var fifo = Path.Combine(dir.Path, "out.fifo");
        Run("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var r = CliRunner.Run("transform", Example, "-o", fifo);
        var text = await reader.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"AWSTemplateFormatVersion\"", text, StringComparison.Ordinal);
        Assert.Equal("p", Run("stat", "-c", "%A", fifo)[..1]);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_symbolic_link_is_followed_its_target_replaced_and_the_link_kept()
    {
        using var dir = new TempDir();
        var target = dir.Write("real.json", "old");
        var link = Path.Combine(dir.Path, "link.json");
        File.CreateSymbolicLink(link, "real.json");
        var r = CliRunner.Run("transform", Example, "-o", link);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("real.json", new FileInfo(link).LinkTarget);
        Assert.Contains("\"AWSTemplateFormatVersion\"", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void A_full_device_is_an_error_with_exit_2()
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        var r = CliRunner.Run("transform", Example, "-o", "/dev/full");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("samperms: cannot write /dev/full: no space left on device\n", r.Err);
        Assert.Equal("c", Run("stat", "-c", "%A", "/dev/full")[..1]);
    }

    [Fact]
    public void A_missing_directory_is_named_and_no_temporary_file_is_mentioned()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("transform", Example, "-o", Path.Combine(dir.Path, "nodir", "out.json"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("does not exist", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_as_output_is_refused_and_leaves_nothing()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("transform", Example, "-o", dir.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is a directory", r.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Dash_is_stdout()
    {
        var r = CliRunner.Run("transform", Example, "-o", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("{\n  \"AWSTemplateFormatVersion\"", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leftover_temporary_file_of_a_killed_run_is_ignored_and_kept_apart_from_the_outputs()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(input);
        File.Copy(Example, Path.Combine(input, "app.yaml"));
        var outDir = Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(outDir);
        // What a run killed mid-write leaves: a hidden, partial temporary file beside the output.
        var leftover = Path.Combine(outDir, ".app.json.samperms-99999-0badf00d.tmp");
        File.WriteAllText(leftover, "{\"partial\": ");
        var r = CliRunner.Run("transform", Path.Combine(input, "app.yaml"), "--out-dir", outDir, "--local-artifacts");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("{\n  \"AWSTemplateFormatVersion\"", File.ReadAllText(Path.Combine(outDir, "app.json")), StringComparison.Ordinal);
        Assert.Equal("{\"partial\": ", File.ReadAllText(leftover));
        Assert.Equal(["app.json"], Directory.GetFiles(outDir).Select(f => Path.GetFileName(f)).Where(n => !n.StartsWith('.')).ToArray());
        Assert.Single(Directory.GetFiles(outDir, "*.tmp"));
    }

    [Fact]
    public void A_replaced_file_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDir();
        var target = dir.Write("out.json", "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(0, CliRunner.Run("transform", Example, "-o", target).ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
    }

    [Fact]
    public void An_output_that_already_holds_the_new_bytes_is_kept_with_a_fresh_time_and_one_that_differs_is_replaced()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "out.json");
        Assert.Equal(0, CliRunner.Run("transform", Example, "-o", target).ExitCode);
        var text = File.ReadAllText(target);
        var inode = Run("stat", "-c", "%i", target);
        var past = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(target, past);

        Assert.Equal(0, CliRunner.Run("transform", Example, "-o", target).ExitCode);
        Assert.Equal(text, File.ReadAllText(target));
        Assert.Equal(inode, Run("stat", "-c", "%i", target));
        Assert.True(File.GetLastWriteTimeUtc(target) > past.AddYears(20), "the modification time says the output is new, as a rewrite would");

        // Same length, one byte different: compared, not only measured; replaced whole.
        File.WriteAllText(target, text.Replace("\"AWSTemplateFormatVersion\"", "\"AWSTemplateFormatVersioN\"", StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.Run("transform", Example, "-o", target).ExitCode);
        Assert.Equal(text, File.ReadAllText(target));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    private static string Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return text;
    }
}
