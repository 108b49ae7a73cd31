namespace SamPerms.Data;

/// <summary>
/// An embedded tab-separated table sorted by its first column (ordinal; Data/regenerate*.py write them so), looked
/// up by binary search over its lines: loading it splits nothing, a lookup reads the one line it finds. Empty lines,
/// lines starting with '#' and lines without a tab are no rows.
/// </summary>
internal sealed class SortedTable
{
    private readonly string _text;
    private readonly List<int> _starts = [];

    public SortedTable(string text, string name)
    {
        _text = text;
        for (int at = 0; at < text.Length;)
        {
            int end = text.IndexOf('\n', at);
            end = end < 0 ? text.Length : end;
            if (end > at && text[at] != '#' && text.AsSpan(at, end - at).Contains('\t'))
            {
                _starts.Add(at);
            }

            at = end + 1;
        }

        for (int i = 1; i < _starts.Count; i++)
        {
            if (Key(i - 1).SequenceCompareTo(Key(i)) >= 0)
            {
                throw new InvalidOperationException($"embedded {name} is not sorted by its first column (regenerate it)");
            }
        }
    }

    public int Count => _starts.Count;

    /// <summary>The whole line whose first column is <paramref name="key"/>, or null.</summary>
    public string? Line(string key) => Find(key) is var i and >= 0 ? LineAt(i).ToString() : null;

    public bool Contains(string key) => Find(key) >= 0;

    /// <summary>The first columns, in order.</summary>
    public IEnumerable<string> Keys()
    {
        for (int i = 0; i < _starts.Count; i++)
        {
            yield return Key(i).ToString();
        }
    }

    private int Find(string key)
    {
        int lo = 0, hi = _starts.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int order = Key(mid).SequenceCompareTo(key);
            if (order == 0)
            {
                return mid;
            }

            (lo, hi) = order < 0 ? (mid + 1, hi) : (lo, mid - 1);
        }

        return -1;
    }

    private ReadOnlySpan<char> LineAt(int i)
    {
        var rest = _text.AsSpan(_starts[i]);
        int end = rest.IndexOf('\n');
        return end < 0 ? rest : rest[..end];
    }

    private ReadOnlySpan<char> Key(int i)
    {
        var line = LineAt(i);
        return line[..line.IndexOf('\t')];
    }
}
