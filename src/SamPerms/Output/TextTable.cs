using System.Globalization;
using System.Text;

namespace SamPerms.Output;

/// <summary>
/// A box-drawn table like <c>cdk diff</c>'s: cells may span several lines (one per action, resource, ...);
/// columns are as wide as their widest line.
/// </summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    /// <summary>In these columns, lines longer than <see cref="WrapAt"/> are wrapped at spaces.</summary>
    public IReadOnlySet<string> Wrapped { get; init; } = new HashSet<string>();

    public int WrapAt { get; init; } = 60;

    public void Add(params string[] cells) =>
        _rows.Add(cells.Select((c, i) => Wrapped.Contains(headers[i]) ? Wrap(c) : c).ToArray());

    private string Wrap(string cell)
    {
        var lines = new List<string>();
        foreach (var line in cell.Split('\n'))
        {
            var current = "";
            foreach (var word in line.Split(' '))
            {
                if (current.Length > 0 && current.Length + 1 + word.Length > WrapAt)
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
        }

        return string.Join('\n', lines);
    }

    public string Write()
    {
        var widths = headers.Select(Width).ToArray();
        foreach (var row in _rows)
        {
            for (int c = 0; c < headers.Length; c++)
            {
                widths[c] = Math.Max(widths[c], Width(row[c]));
            }
        }

        var sb = new StringBuilder();
        Rule(sb, widths, '┌', '┬', '┐');
        Line(sb, widths, headers);
        foreach (var row in _rows)
        {
            Rule(sb, widths, '├', '┼', '┤');
            Line(sb, widths, row);
        }

        Rule(sb, widths, '└', '┴', '┘');
        return sb.ToString();
    }

    private static void Rule(StringBuilder sb, int[] widths, char left, char mid, char right)
    {
        sb.Append(left);
        for (int c = 0; c < widths.Length; c++)
        {
            sb.Append('─', widths[c] + 2).Append(c == widths.Length - 1 ? right : mid);
        }

        sb.Append('\n');
    }

    private static void Line(StringBuilder sb, int[] widths, string[] cells)
    {
        var lines = cells.Select(c => c.Split('\n')).ToArray();
        int height = lines.Max(l => l.Length);
        for (int i = 0; i < height; i++)
        {
            sb.Append('│');
            for (int c = 0; c < widths.Length; c++)
            {
                var text = i < lines[c].Length ? lines[c][i] : "";
                sb.Append(' ').Append(text).Append(' ', widths[c] - TextWidth(text) + 1).Append('│');
            }

            sb.Append('\n');
        }
    }

    private static int Width(string cell) => cell.Split('\n').Max(TextWidth);

    /// <summary>Width in terminal columns, counting each text element (not UTF-16 unit) as one.</summary>
    private static int TextWidth(string text) => new StringInfo(text).LengthInTextElements;
}
