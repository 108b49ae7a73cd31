using SamPerms.Output.Escaping;

namespace SamPerms.Output;

/// <summary>What a piece of a text report means, for a terminal that shows colour.</summary>
public enum Tone
{
    /// <summary>Broadening, missing, an error: red.</summary>
    Bad,

    /// <summary>Excess, a warning: yellow.</summary>
    Warn,
}

/// <summary>
/// How a text report marks its tones: <see cref="Plain"/> leaves the text as it is (files, pipes, <c>NO_COLOR</c>);
/// <see cref="Ansi"/> wraps it in the terminal's colour codes. Writers paint text that is already escaped
/// (<see cref="TextEscape.Value"/>), and <see cref="Document"/> is the last pass: it escapes every control character
/// except the codes this palette writes, so input text can never bring colour codes or other escapes of its own.
/// </summary>
public sealed class TextStyle
{
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Reset = "\u001b[0m";
    private static readonly string[] Codes = [Red, Yellow, Reset];

    private TextStyle(bool colored) => Colored = colored;

    public static TextStyle Plain { get; } = new(false);

    public static TextStyle Ansi { get; } = new(true);

    public bool Colored { get; }

    /// <summary>Escaped text in the colour of <paramref name="tone"/> (unchanged when plain or empty).</summary>
    public string Paint(Tone tone, string escaped) =>
        !Colored || escaped.Length == 0 ? escaped : (tone == Tone.Bad ? Red : Yellow) + escaped + Reset;

    /// <summary>
    /// The whole report through <see cref="TextEscape.Document"/>, this palette's own codes kept: a line that needs no
    /// escaping without them keeps them; a line that does is written escaped and plain, exactly as the plain style
    /// writes it. So the text without the codes is always the plain report.
    /// </summary>
    public string Document(string text)
    {
        if (!Colored)
        {
            return TextEscape.Document(text);
        }

        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var plain = Strip(lines[i]);
            var escaped = TextEscape.Document(plain);
            if (escaped != plain)
            {
                lines[i] = escaped;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>The text without this palette's codes: what the plain style would have written.</summary>
    public static string Strip(string text)
    {
        foreach (var code in Codes)
        {
            text = text.Replace(code, "", StringComparison.Ordinal);
        }

        return text;
    }
}

/// <summary>
/// How a text report is laid out where it lands: its style, and the terminal's width (null: no limit, the plain form
/// files and pipes get). The command line decides; writers only follow.
/// </summary>
public sealed record TextOptions(TextStyle Style, int? Width)
{
    public static TextOptions Plain { get; } = new(TextStyle.Plain, null);
}
