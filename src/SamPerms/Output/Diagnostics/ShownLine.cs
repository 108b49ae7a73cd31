using System.Text;
using SamPerms.Output.Escaping;

namespace SamPerms.Output.Diagnostics;

/// <summary>
/// A source line as an excerpt shows it (a tab as a space, other control characters escaped), made once per line
/// however many findings point into it, with where each source column lands in it: so a finding's excerpt costs its
/// window, not the length of the line (a minified JSON template is one line with every finding on it).
/// </summary>
internal sealed class ShownLine
{
    // Offsets[i]: where source character i starts in Text; null when every character shows as itself (one for one).
    private readonly int[]? _offsets;

    public ShownLine(string line)
    {
        var source = line.TrimEnd('\r');
        SourceLength = source.Length;
        if (!source.Any(TextEscape.IsControl))
        {
            Text = source;
            return;
        }

        var shown = new StringBuilder(source.Length + 16);
        _offsets = new int[source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            _offsets[i] = shown.Length;
            char c = source[i];
            if (c == '\t')
            {
                shown.Append(' ');
            }
            else if (TextEscape.IsControl(c))
            {
                shown.Append(TextEscape.Value(c.ToString()));
            }
            else
            {
                shown.Append(c);
            }
        }

        Text = shown.ToString();
    }

    /// <summary>The line as shown.</summary>
    public string Text { get; }

    /// <summary>The length of the source line (without a trailing carriage return).</summary>
    public int SourceLength { get; }

    /// <summary>Where the source character at <paramref name="index"/> starts in <see cref="Text"/> (the end for an index at or past it, counted on).</summary>
    public int Position(int index) =>
        index >= SourceLength ? Text.Length + (index - SourceLength) : _offsets is null ? index : _offsets[index];
}
