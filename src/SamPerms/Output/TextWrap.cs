using System.Text;

namespace SamPerms.Output;

/// <summary>Wraps the lines of a table cell to a width in terminal columns.</summary>
public static class TextWrap
{
    /// <summary>
    /// Each line of <paramref name="cell"/> wrapped at spaces to <paramref name="width"/> columns; with
    /// <paramref name="hard"/>, a word longer than that (an ARN) is broken too, after a '/', ':' or ',' where one is near.
    /// </summary>
    public static string Cell(string cell, int width, bool hard)
    {
        var lines = new List<string>();
        foreach (var full in cell.Split('\n'))
        {
            // A line's leading blanks (the "  " before an unchanged action beside "+ " ones) stay, on each of its pieces.
            var body = full.TrimStart(' ');
            var indent = full[..(full.Length - body.Length)];
            var (line, start) = (body, lines.Count);
            var room = Math.Max(1, width - indent.Length);
            var current = "";
            foreach (var whole in line.Split(' '))
            {
                var word = whole;
                while (hard && DisplayWidth.Of(word) > room)
                {
                    if (current.Length > 0)
                    {
                        lines.Add(current);
                        current = "";
                    }

                    var cut = Cut(word, room);
                    lines.Add(word[..cut]);
                    word = word[cut..];
                }

                if (current.Length > 0 && DisplayWidth.Of(current) + 1 + DisplayWidth.Of(word) > room)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = current.Length == 0 ? word : current + " " + word;
                }
            }

            lines.Add(current);
            for (int i = start; i < lines.Count; i++)
            {
                lines[i] = indent + lines[i];
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Where to break a word too wide: after the last separator in its second half that fits, else where it stops fitting.</summary>
    private static int Cut(string word, int width)
    {
        int fits = 0, used = 0;
        foreach (var rune in word.EnumerateRunes())
        {
            var w = DisplayWidth.Of(rune);
            if (used + w > width)
            {
                break;
            }

            used += w;
            fits += rune.Utf16SequenceLength;
        }

        fits = Math.Max(fits, char.IsSurrogate(word[0]) ? 2 : 1);
        for (int i = fits; i > fits / 2; i--)
        {
            if (word[i - 1] is '/' or ':' or ',')
            {
                return i;
            }
        }

        return fits;
    }
}
