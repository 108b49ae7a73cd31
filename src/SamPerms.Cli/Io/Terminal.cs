using System.Runtime.InteropServices;

namespace SamPerms.Cli.Io;

/// <summary>
/// What the command line knows about where stdout goes: a terminal or not, the terminal's width, and the
/// environment (<c>NO_COLOR</c>, <c>FORCE_COLOR</c>, <c>COLUMNS</c>, <c>TERM</c>). Injectable, so tests can stand
/// in a terminal; outside a terminal (pipes, files) nothing of it applies unless forced.
/// </summary>
/// <remarks>
/// The width is asked only when a report is laid out. On Linux it is read with ioctl(TIOCGWINSZ): .NET's
/// Console.WindowWidth first sets up its terminal handling, which writes control sequences of its own (keypad mode)
/// before the report.
/// </remarks>
public sealed record Terminal(bool StdoutIsTerminal, Func<int?> WindowWidth, Func<string, string?> Environment)
{
    /// <summary>Not a terminal, and an empty environment: the plain form (the in-process default, as tests want it).</summary>
    public static Terminal None { get; } = new(false, () => null, _ => null);

    /// <summary>This process's stdout and environment.</summary>
    public static Terminal Detect() => new(!Console.IsOutputRedirected, ConsoleWidth, System.Environment.GetEnvironmentVariable);

    private static int? ConsoleWidth()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return IoctlWindowSize(1, TiocGWinSz, out var size) == 0 && size.Columns > 0 ? size.Columns : null;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }

        try
        {
            return Console.WindowWidth is > 0 and var w ? w : null;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>TIOCGWINSZ on Linux (every architecture .NET runs on).</summary>
    private const nuint TiocGWinSz = 0x5413;

    [StructLayout(LayoutKind.Sequential)]
    private struct WinSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort XPixels;
        public ushort YPixels;
    }

    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static extern int IoctlWindowSize(int descriptor, nuint request, out WinSize size);
}
