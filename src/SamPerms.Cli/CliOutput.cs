using SamPerms.Cli.Io;
using SamPerms.Diagnostics;
using SamPerms.Output.Diagnostics;
using SamPerms.Output.Escaping;

namespace SamPerms.Cli;

/// <summary>
/// Where the commands print: results to stdout, diagnostics to stderr (injectable for tests). Both streams are
/// guarded (a failed write is reported at the end, exit 2) and conceal NoEcho parameter values; stderr escapes
/// the input text it shows.
/// </summary>
public sealed class CliOutput
{
    private readonly GuardedWriter _out;
    private readonly GuardedWriter _err;

    public CliOutput(TextWriter stdout, TextWriter stderr)
        : this(new GuardedWriter(stdout, "standard output"), new GuardedWriter(stderr, "standard error", TextEscape.Document))
    {
    }

    private CliOutput(GuardedWriter stdout, GuardedWriter stderr)
    {
        _out = stdout;
        _err = stderr;
    }

    public static CliOutput Console => new(
        new GuardedWriter(() => StandardStreams.Open(1), "standard output"),
        new GuardedWriter(() => StandardStreams.Open(2), "standard error", TextEscape.Document))
    {
        Terminal = Terminal.Detect(),
    };

    /// <summary>Where stdout goes (a terminal, its width) and the environment that says how to colour it.</summary>
    public Terminal Terminal { get; init; } = Terminal.None;

    /// <summary>The colour options of this command line, and how a text report is laid out for stdout.</summary>
    public TextLayout Layout { get; } = new();

    /// <summary>How a text report is laid out: for stdout (this terminal, the colour options), or plain for a file.</summary>
    public Output.TextOptions TextOptions(System.CommandLine.ParseResult parse, bool toFile) => Layout.For(parse, Terminal, toFile);

    public TextWriter Out => _out;

    public TextWriter Err => _err;

    /// <summary>Why writing to stdout or stderr failed, if it did.</summary>
    public string? StreamFailure => _out.Failure is { } o ? $"cannot write to {_out.Name}: {o}" : _err.Failure is { } e ? $"cannot write to {_err.Name}: {e}" : null;

    /// <summary>
    /// Values never to print (NoEcho parameters): written as <c>****</c> on stderr, and on stdout unless
    /// <paramref name="onStdout"/> is false (the transform's output is the template to deploy, as SAM writes it).
    /// </summary>
    public void Conceal(IEnumerable<string> values, bool onStdout = true)
    {
        var list = values.ToList();
        if (onStdout)
        {
            _out.Conceal(list);
        }

        _err.Conceal(list);
    }

    public void Diagnostic(Diagnostic d, string file) => Err.WriteLine(DiagnosticsText.Line(d, file));

    public void Error(string message) => Err.WriteLine($"samperms: {TextEscape.Value(message)}");

    /// <summary>Standard input, for a template given as <c>-</c>.</summary>
    public Func<Stream> OpenStdin { get; init; } = System.Console.OpenStandardInput;

    /// <summary>A usage error of <paramref name="command"/>, pointing at its help.</summary>
    public void UsageError(string command, string message)
    {
        Error(message);
        Err.WriteLine($"Try 'samperms {command} --help'.");
    }
}
