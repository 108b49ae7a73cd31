namespace SamPerms.Cli.Io;

/// <summary>
/// What the command line knows about where stdout goes: a terminal or not, the terminal's width, and the
/// environment (<c>NO_COLOR</c>, <c>FORCE_COLOR</c>, <c>COLUMNS</c>, <c>TERM</c>). Injectable, so tests can stand
/// in a terminal; outside a terminal (pipes, files) nothing of it applies unless forced.
/// </summary>
public sealed record Terminal(bool StdoutIsTerminal, int? WindowWidth, Func<string, string?> Environment)
{
    /// <summary>Not a terminal, and an empty environment: the plain form (the in-process default, as tests want it).</summary>
    public static Terminal None { get; } = new(false, null, _ => null);

    /// <summary>This process's stdout and environment.</summary>
    public static Terminal Detect()
    {
        var isTerminal = !Console.IsOutputRedirected;
        int? width = null;
        if (isTerminal)
        {
            try
            {
                width = Console.WindowWidth is > 0 and var w ? w : null;
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
            {
                width = null;
            }
        }

        return new Terminal(isTerminal, width, System.Environment.GetEnvironmentVariable);
    }
}
