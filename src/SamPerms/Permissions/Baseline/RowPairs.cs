namespace SamPerms.Permissions.Baseline;

/// <summary>
/// Removed and added rows that are one statement or invoker changed: a statement of the same effect written at the
/// same place or on the same resources, an invoker of the same principal, action and target. Each removed row takes
/// the first added one that fits best, so the changed row shows what moved (in the order of the removed rows).
/// How well two statements fit is a sum of parts that are equal or not (the same place 4, the same resources 2, the
/// same actions 1; at least place or resources), of two invokers 2 for the same place else 1. So the added rows are
/// kept in buckets by those parts, best fit first: a removed row looks at the head of a few buckets instead of at
/// every added row, and a role of thousands of statements changed is paired in time linear in its rows.
/// </summary>
internal static class RowPairs
{
    /// <summary>For a statement: the parts of each bucket, best fit first (place 4, resources 2, actions 1).</summary>
    private static readonly (bool Place, bool Resources, bool Actions)[] StatementFits =
    [
        (true, true, true), (true, true, false), (true, false, true), (true, false, false), (false, true, true), (false, true, false),
    ];

    public static Dictionary<PermissionRow, PermissionRow> Of(List<PermissionRow> removed, List<PermissionRow> added)
    {
        var buckets = new Dictionary<string, Bucket>(StringComparer.Ordinal);
        foreach (var row in added)
        {
            foreach (var key in Keys(row))
            {
                if (!buckets.TryGetValue(key, out var bucket))
                {
                    buckets[key] = bucket = new Bucket();
                }

                bucket.Rows.Add(row);
            }
        }

        var pairs = new Dictionary<PermissionRow, PermissionRow>(ReferenceEqualityComparer.Instance);
        var taken = new HashSet<PermissionRow>(ReferenceEqualityComparer.Instance);
        foreach (var before in removed)
        {
            // The first bucket, best fit first, that still holds a row not taken: its first such row is the pair.
            foreach (var key in Keys(before))
            {
                if (buckets.TryGetValue(key, out var bucket) && bucket.FirstFree(taken) is { } row)
                {
                    pairs[before] = row;
                    taken.Add(row);
                    break;
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// The buckets a row belongs to, best fit first: two rows share a bucket exactly when they fit with that bucket's
    /// score or better, and a better fit has a bucket earlier in the list.
    /// </summary>
    private static IEnumerable<string> Keys(PermissionRow row)
    {
        switch (row.Category)
        {
            case RowCategory.Statement:
                var head = Part("S") + Part(row.Subject) + Part(row.Effect);
                foreach (var (place, resources, actions) in StatementFits)
                {
                    yield return head + (place ? Part(row.Origin.ToString()) : "-") + (resources ? Part(ResourcesKey(row)) : "-") + (actions ? Part(ActionsKey(row)) : "-");
                }

                break;
            case RowCategory.Invoker:
                var i = row.Invoker!;
                var invoker = Part("I") + Part(row.Subject) + Part(i.Kind.ToString()) + Part(i.Principal) + Part(i.Action) + Part(Joined(row.Resources));
                yield return invoker + Part(row.Origin.ToString());
                yield return invoker + "-";
                break;
        }
    }

    /// <summary>The resources as a set (IAM compares them case-sensitively).</summary>
    private static string ResourcesKey(PermissionRow row) => Joined(row.Resources.Order(StringComparer.Ordinal));

    /// <summary>The actions as a set (IAM compares them ignoring case).</summary>
    private static string ActionsKey(PermissionRow row) => Joined(row.Actions.Select(a => a.ToUpperInvariant()).Order(StringComparer.Ordinal));

    private static string Joined(IEnumerable<string> values) => string.Concat(values.Select(Part));

    /// <summary>One part of a key, its length first, so that no text can be read as two parts.</summary>
    private static string Part(string text) => text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + text;

    /// <summary>Added rows of one fit, in their order; rows taken are passed over once and for all.</summary>
    private sealed class Bucket
    {
        private int _next;

        public List<PermissionRow> Rows { get; } = [];

        public PermissionRow? FirstFree(HashSet<PermissionRow> taken)
        {
            while (_next < Rows.Count && taken.Contains(Rows[_next]))
            {
                _next++;
            }

            return _next < Rows.Count ? Rows[_next] : null;
        }
    }
}
