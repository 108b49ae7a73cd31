namespace SamPerms.Diagnostics;

/// <summary>"Did you mean" suggestions: the known names closest to a misspelled one.</summary>
public static class Suggest
{
    /// <summary>Up to <paramref name="count"/> names within a plausible edit distance, closest first.</summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int count = 3)
    {
        var limit = Math.Max(2, name.Length / 3);
        var lower = name.ToLowerInvariant();
        var close = candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(lower, c.ToLowerInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .ToList();

        // Only the nearly-best: a clear winner is not diluted by distant names.
        return close.Where(x => x.Distance <= close[0].Distance + 1).Take(count).Select(x => x.Name).ToList();
    }

    /// <summary>" (did you mean A or B?)", or nothing.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates, int count = 3) =>
        DidYouMean(name, candidates, c => c, count);

    /// <summary>As above, each suggestion written by <paramref name="show"/> (e.g. with its service prefix).</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates, Func<string, string> show, int count = 3)
    {
        var close = Closest(name, candidates, count);
        return close.Count == 0 ? "" : $" (did you mean {string.Join(" or ", close.Select(c => "'" + show(c) + "'"))}?)";
    }

    /// <summary>Optimal string alignment distance (Levenshtein with transpositions).</summary>
    public static int Distance(string a, string b)
    {
        // Row i of the table needs rows i - 1 and i - 2 only: three rows of b.Length + 1 (on the stack when short).
        int width = b.Length + 1;
        Span<int> before = width <= 256 ? stackalloc int[width] : new int[width];
        Span<int> previous = width <= 256 ? stackalloc int[width] : new int[width];
        Span<int> row = width <= 256 ? stackalloc int[width] : new int[width];
        for (int j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            var oldest = before;
            before = previous;
            previous = row;
            row = oldest;
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                row[j] = Math.Min(Math.Min(previous[j] + 1, row[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    row[j] = Math.Min(row[j], before[j - 2] + 1);
                }
            }
        }

        return row[b.Length];
    }
}
