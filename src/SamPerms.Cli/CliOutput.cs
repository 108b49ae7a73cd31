using SamPerms.Diagnostics;

namespace SamPerms.Cli;

/// <summary>Where the commands print: results to stdout, diagnostics to stderr (injectable for tests).</summary>
public sealed class CliOutput(TextWriter stdout, TextWriter stderr)
{
    public static CliOutput Console => new(System.Console.Out, System.Console.Error);

    public TextWriter Out { get; } = stdout;

    public TextWriter Err { get; } = stderr;

    /// <summary>Standard input, for a template given as <c>-</c>.</summary>
    public Func<Stream> OpenStdin { get; init; } = System.Console.OpenStandardInput;

    public void Diagnostic(Diagnostic d, string file) => Err.WriteLine(d.Format(file));

    public void Error(string message) => Err.WriteLine($"samperms: {message}");

    /// <summary>A usage error of <paramref name="command"/>, pointing at its help.</summary>
    public void UsageError(string command, string message)
    {
        Error(message);
        Err.WriteLine($"Try 'samperms {command} --help'.");
    }
}
