using SamPerms.Diagnostics;

namespace SamPerms.Cli;

/// <summary>Where the commands print: results to stdout, diagnostics to stderr (injectable for tests).</summary>
public sealed class CliOutput(TextWriter stdout, TextWriter stderr)
{
    public static CliOutput Console => new(System.Console.Out, System.Console.Error);

    public TextWriter Out { get; } = stdout;

    public TextWriter Err { get; } = stderr;

    public void Diagnostic(Diagnostic d, string file) => Err.WriteLine(d.Format(file));

    public void Error(string message) => Err.WriteLine($"samperms: {message}");
}
