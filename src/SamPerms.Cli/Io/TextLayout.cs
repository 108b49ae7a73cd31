using System.CommandLine;
using System.Globalization;
using SamPerms.Output;

namespace SamPerms.Cli.Io;

/// <summary>
/// How a text report is laid out for where it goes. Colour: <c>--no-color</c>, else <c>--color</c>, else
/// <c>NO_COLOR</c> (set and not empty: none), else <c>FORCE_COLOR</c> (set, not empty and not 0: colour), else
/// colour exactly when stdout is a terminal (and <c>TERM</c> is not <c>dumb</c>). Width: on a terminal,
/// <c>COLUMNS</c> when it is a number, else the terminal's width; elsewhere no limit. A report written to a file
/// (<c>--output-file</c>) is always plain, so files and pipes get byte for byte the same text as ever.
/// </summary>
public sealed class TextLayout
{
    /// <summary>The narrowest width honoured; a smaller COLUMNS is taken as this.</summary>
    private const int MinWidth = 20;

    /// <summary>The root's --color (every command takes it).</summary>
    public Option<bool> Color { get; } = new("--color")
    {
        Description = "Colour text reports even when stdout is not a terminal (as FORCE_COLOR=1)",
        Recursive = true,
        Arity = ArgumentArity.Zero,
    };

    /// <summary>The root's --no-color (every command takes it).</summary>
    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "Never colour text reports (as NO_COLOR=1); they are never coloured in pipes and files",
        Recursive = true,
        Arity = ArgumentArity.Zero,
    };

    public TextOptions For(ParseResult parse, Terminal terminal, bool toFile)
    {
        if (toFile)
        {
            return TextOptions.Plain;
        }

        var colored = ColorWanted(parse.GetValue(NoColor), parse.GetValue(Color), terminal);
        int? width = null;
        if (terminal.StdoutIsTerminal)
        {
            width = int.TryParse(terminal.Environment("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0
                ? columns
                : terminal.WindowWidth();
        }

        return new TextOptions(colored ? TextStyle.Ansi : TextStyle.Plain, width is { } w ? Math.Max(w, MinWidth) : null);
    }

    private static bool ColorWanted(bool noColor, bool color, Terminal terminal)
    {
        if (noColor)
        {
            return false;
        }

        if (color)
        {
            return true;
        }

        if (terminal.Environment("NO_COLOR") is { Length: > 0 })
        {
            return false;
        }

        if (terminal.Environment("FORCE_COLOR") is { Length: > 0 } force && force != "0")
        {
            return true;
        }

        return terminal.StdoutIsTerminal && terminal.Environment("TERM") != "dumb";
    }
}
