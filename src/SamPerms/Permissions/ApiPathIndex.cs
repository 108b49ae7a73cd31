using SamPerms.Model;

namespace SamPerms.Permissions;

/// <summary>
/// The paths of API definitions sorted once, so that the paths a SourceArn's glob can match (those starting with
/// its text before the first wildcard) are found without reading every path of the API for every permission.
/// </summary>
internal sealed class ApiPathIndex
{
    private readonly Dictionary<MapNode, (string Key, int Position)[]> _sorted = new(ReferenceEqualityComparer.Instance);

    /// <summary>The entries of <paramref name="paths"/> that <paramref name="pattern"/> may match, in definition order.</summary>
    public IReadOnlyList<MapEntry> Candidates(MapNode paths, string pattern)
    {
        int wildcard = pattern.IndexOfAny(['*', '?']);
        var prefix = wildcard < 0 ? pattern : pattern[..wildcard];
        var entries = paths.Entries;
        if (prefix.Length == 0)
        {
            return entries;
        }

        if (!_sorted.TryGetValue(paths, out var sorted))
        {
            sorted = new (string, int)[entries.Count];
            for (int i = 0; i < entries.Count; i++)
            {
                sorted[i] = (entries[i].Key, i);
            }

            Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
            _sorted[paths] = sorted;
        }

        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (string.CompareOrdinal(sorted[mid].Key, prefix) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var positions = new List<int>();
        for (int i = lo; i < sorted.Length && sorted[i].Key.StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            positions.Add(sorted[i].Position);
        }

        positions.Sort();
        return positions.ConvertAll(i => entries[i]);
    }
}
