using System.Text;

namespace SamPerms.Output;

/// <summary>
/// A box-drawn table like <c>cdk diff</c>'s: cells may span several lines (one per action, resource, ...);
/// columns are as wide as their widest line. Given a width (a terminal's), the widest columns are narrowed and their
/// lines wrapped until the table fits; when even narrow columns cannot fit, each row is written as a list instead.
/// A row may have a tone (its text painted, the borders not).
/// </summary>
public sealed class TextTable(params string[] headers)
{
    /// <summary>The narrowest a column is made to fit a width (a column narrower by nature stays so).</summary>
    private const int MinColumn = 10;

    private readonly List<(string[] Cells, Tone? Tone)> _rows = [];

    public int Count => _rows.Count;

    /// <summary>In these columns, lines longer than <see cref="WrapAt"/> are wrapped at spaces.</summary>
    public IReadOnlySet<string> Wrapped { get; init; } = new HashSet<string>();

    public int WrapAt { get; init; } = 60;

    public void Add(params string[] cells) => Add(null, cells);

    /// <summary>A row whose text is painted in <paramref name="tone"/> on a terminal that shows colour.</summary>
    public void Add(Tone? tone, params string[] cells) =>
        _rows.Add((cells.Select((c, i) => Wrapped.Contains(headers[i]) ? TextWrap.Cell(c, WrapAt, hard: false) : c).ToArray(), tone));

    public string Write() => Write(TextOptions.Plain);

    public string Write(TextOptions options)
    {
        var widths = headers.Select(Width).ToArray();
        foreach (var (cells, _) in _rows)
        {
            for (int c = 0; c < headers.Length; c++)
            {
                widths[c] = Math.Max(widths[c], Width(cells[c]));
            }
        }

        if (options.Width is { } limit && Total(widths) > limit)
        {
            var narrowest = widths.Select(w => Math.Min(w, MinColumn)).ToArray();
            if (Total(narrowest) > limit)
            {
                return List(options.Style, limit);
            }

            Narrow(widths, narrowest, limit);
        }

        var sb = new StringBuilder();
        Rule(sb, widths, '┌', '┬', '┐');
        Line(sb, widths, headers, null, options.Style);
        foreach (var (cells, tone) in _rows)
        {
            Rule(sb, widths, '├', '┼', '┤');
            Line(sb, widths, cells, tone, options.Style);
        }

        Rule(sb, widths, '└', '┴', '┘');
        return sb.ToString();
    }

    /// <summary>Columns, their padding and borders: the width of the table.</summary>
    private static int Total(int[] widths) => widths.Sum() + (3 * widths.Length) + 1;

    /// <summary>Takes a column from the widest until the table fits (never below <paramref name="narrowest"/>).</summary>
    private static void Narrow(int[] widths, int[] narrowest, int limit)
    {
        while (Total(widths) > limit)
        {
            int widest = -1;
            for (int c = 0; c < widths.Length; c++)
            {
                if (widths[c] > narrowest[c] && (widest < 0 || widths[c] > widths[widest]))
                {
                    widest = c;
                }
            }

            if (widest < 0)
            {
                return;
            }

            widths[widest]--;
        }
    }

    /// <summary>
    /// The rows as a list, for a terminal too narrow for the table: the first (unnamed) column opens the row, then
    /// one "Header: value" line per filled cell, values wrapped under each other; a blank line between rows.
    /// </summary>
    private string List(TextStyle style, int limit)
    {
        var lead = headers[0].Length == 0 ? _rows.Select(r => DisplayWidth.Of(r.Cells[0])).DefaultIfEmpty(0).Max() : 0;
        var label = headers.Where(h => h.Length > 0).Select(h => DisplayWidth.Of(h) + 2).DefaultIfEmpty(0).Max();
        var indent = lead > 0 ? lead + 1 : 0;
        var valueWidth = Math.Max(MinColumn, limit - indent - label);
        var sb = new StringBuilder();
        foreach (var (cells, tone) in _rows)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            bool first = true;
            for (int c = 0; c < headers.Length; c++)
            {
                if (headers[c].Length == 0 || cells[c].Length == 0)
                {
                    continue;
                }

                var lines = TextWrap.Cell(cells[c], valueWidth, hard: true).Split('\n');
                for (int i = 0; i < lines.Length; i++)
                {
                    var opening = first && lead > 0 ? Paint(style, tone, cells[0]) + new string(' ', indent - DisplayWidth.Of(cells[0])) : new string(' ', indent);
                    var name = i == 0 ? headers[c] + ":" : "";
                    sb.Append(opening).Append(name).Append(' ', label - DisplayWidth.Of(name)).Append(Paint(style, tone, lines[i])).Append('\n');
                    first = false;
                }
            }
        }

        return sb.ToString();
    }

    private static string Paint(TextStyle style, Tone? tone, string text) => tone is { } t ? style.Paint(t, text) : text;

    private static void Rule(StringBuilder sb, int[] widths, char left, char mid, char right)
    {
        sb.Append(left);
        for (int c = 0; c < widths.Length; c++)
        {
            sb.Append('─', widths[c] + 2).Append(c == widths.Length - 1 ? right : mid);
        }

        sb.Append('\n');
    }

    private static void Line(StringBuilder sb, int[] widths, string[] cells, Tone? tone, TextStyle style)
    {
        var lines = cells.Select((c, i) => (Width(c) > widths[i] ? TextWrap.Cell(c, widths[i], hard: true) : c).Split('\n')).ToArray();
        int height = lines.Max(l => l.Length);
        for (int i = 0; i < height; i++)
        {
            sb.Append('│');
            for (int c = 0; c < widths.Length; c++)
            {
                var text = i < lines[c].Length ? lines[c][i] : "";
                sb.Append(' ').Append(Paint(style, tone, text)).Append(' ', widths[c] - DisplayWidth.Of(text) + 1).Append('│');
            }

            sb.Append('\n');
        }
    }

    private static int Width(string cell) => cell.Split('\n').Max(DisplayWidth.Of);
}
