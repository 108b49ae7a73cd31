using SamPerms.Cli;
using SamPerms.Cli.Io;

namespace SamPerms.Tests.Support;

/// <summary>Runs the samperms command line in-process and captures its output and exit code.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Err);

    public static Result Run(params string[] args) => RunWithStdin(null, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input (for templates given as '-').</summary>
    public static Result RunWithStdin(string? stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var output = new CliOutput(stdout, stderr) { OpenStdin = () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin ?? "")) };
        int code = SamPermsCli.Run(args, output);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs as if stdout were a terminal <paramref name="width"/> columns wide (null: piped) with these environment
    /// variables (NO_COLOR, FORCE_COLOR, COLUMNS, TERM) and no others.
    /// </summary>
    public static Result RunOn(bool terminal, int? width, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = environment ?? new Dictionary<string, string>();
        var output = new CliOutput(stdout, stderr) { Terminal = new Terminal(terminal, () => width, name => env.GetValueOrDefault(name)) };
        int code = SamPermsCli.Run(args, output);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs in <paramref name="directory"/> as the current directory (restored after; tests using it do not run in parallel with others that depend on it).</summary>
    public static Result RunIn(string directory, params string[] args)
    {
        lock (CurrentDirectoryLock)
        {
            var before = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(directory);
            try
            {
                return Run(args);
            }
            finally
            {
                Directory.SetCurrentDirectory(before);
            }
        }
    }

    private static readonly object CurrentDirectoryLock = new();
}

/// <summary>A temporary directory removed after the test.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "samperms-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string content)
    {
        var p = System.IO.Path.Combine(Path, name);
        File.WriteAllText(p, content);
        return p;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
