using System.Diagnostics;
using System.Text;
using SamPerms.Cli;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Security;

/// <summary>
/// A stdout or stderr that cannot be written (a full disk, a reader that went away, a closed descriptor): exit 2,
/// one clear line on stderr where stderr still works, never an abort (134) or an "internal error".
/// </summary>
public sealed class StreamTests
{
    private static readonly string Example = RepoPaths.InRepo("templates", "image-resizer", "template.yaml");

    /// <summary>A stream whose every write fails as the system says it (ENOSPC 28, EPIPE 32).</summary>
    private sealed class FailingWriter(int errno) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("write failed", errno);
    }

    [Theory]
    [InlineData(28, "no space left on device")]
    [InlineData(32, "broken pipe")]
    public void A_stdout_that_fails_gives_exit_2_and_one_line(int errno, string said)
    {
        foreach (var args in new[] { new[] { "permissions", Example }, ["transform", Example], ["validate", Example, "--format", "sarif"], ["diff", Example, "--intent", Intent, "--fail-on", "none"] })
        {
            var err = new StringWriter();
            int code = SamPermsCli.Run(args, new CliOutput(new FailingWriter(errno), err));
            Assert.Equal(2, code);
            Assert.StartsWith($"samperms: cannot write to standard output: {said}", err.ToString().TrimEnd('\n').Split('\n')[^1], StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", err.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_stderr_that_fails_still_ends_with_exit_2_and_never_throws()
    {
        var stdout = new StringWriter();
        int code = SamPermsCli.Run(["permissions", "no-such-file.yaml"], new CliOutput(stdout, new FailingWriter(32)));
        Assert.Equal(2, code);
        code = SamPermsCli.Run(["permissions", Example], new CliOutput(new FailingWriter(28), new FailingWriter(28)));
        Assert.Equal(2, code);
    }

    [Fact]
    public void The_process_on_a_full_device_a_closed_pipe_and_closed_streams()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/full"))
        {
            return;
        }

        var cli = $"dotnet '{typeof(SamPermsCli).Assembly.Location}' permissions '{Example}'";
        var full = Shell($"{cli} >/dev/full");
        Assert.Equal((2, "samperms: cannot write to standard output: no space left on device\n"), full);

        // The reader closes its end at once: the writes fail with EPIPE (the runtime ignores SIGPIPE).
        var pipe = Shell($"{cli} | (exec 0<&-; true); exit ${{PIPESTATUS[0]}}");
        Assert.Equal((2, "samperms: cannot write to standard output: broken pipe (the reader has gone)\n"), pipe);

        var closed = Shell($"{cli} >&-");
        Assert.Equal(2, closed.Code);
        Assert.StartsWith("samperms: cannot write to standard output: ", closed.Err, StringComparison.Ordinal);

        Assert.Equal(2, Shell($"dotnet '{typeof(SamPermsCli).Assembly.Location}' permissions no-such-file 2>&-").Code);
        Assert.Equal(2, Shell($"{cli} >/dev/full 2>/dev/full").Code);
    }

    private static string Intent => RepoPaths.InRepo("templates", "image-resizer", "intent.yaml");

    private static (int Code, string Err) Shell(string command)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err);
    }
}
