namespace SamPerms.Data;

/// <summary>
/// AWS managed policy names and their ARNs per partition: how SAM turns <c>Policies: [AmazonS3ReadOnlyAccess]</c>
/// into an ARN. Derived from SAM's bundled map. The table (one line per name, sorted by name) is looked up by binary
/// search over its lines: a run that resolves a few names splits no line but theirs.
/// </summary>
public static class ManagedPolicyNames
{
    private static readonly Lazy<Lines> Table = new(Load);

    /// <summary>The ARN of a managed policy name in a partition, or null when SAM does not know the name there.</summary>
    public static string? Arn(string name, string partition)
    {
        if (Table.Value.Find(name) is not { } row)
        {
            return null;
        }

        var (path, partitions) = row;
        foreach (var p in partitions.Split(','))
        {
            if (p.SequenceEqual(partition))
            {
                return $"arn:{partition}:iam::aws:policy/{path}{name}";
            }
        }

        return null;
    }

    public static bool IsKnown(string name) => Table.Value.Find(name) is not null;

    public static IEnumerable<string> Names => Table.Value.Names();

    private static Lines Load() => new(EmbeddedData.ReadText("managed-policy-names.tsv"));

    /// <summary>The table's text and where each data line starts (comments left out), in name order.</summary>
    private sealed class Lines
    {
        private readonly string _text;
        private readonly List<int> _starts = [];

        public Lines(string text)
        {
            _text = text;
            for (int at = 0; at < text.Length;)
            {
                int end = text.IndexOf('\n', at);
                end = end < 0 ? text.Length : end;
                if (end > at && text[at] != '#')
                {
                    _starts.Add(at);
                }

                at = end + 1;
            }

            for (int i = 1; i < _starts.Count; i++)
            {
                if (Name(i - 1).SequenceCompareTo(Name(i)) >= 0)
                {
                    throw new InvalidOperationException("embedded managed-policy-names.tsv is not sorted by name (regenerate it with Data/regenerate.py)");
                }
            }
        }

        /// <summary>The path and the comma-separated partitions of <paramref name="name"/>, or null.</summary>
        public (string Path, string Partitions)? Find(string name)
        {
            int lo = 0, hi = _starts.Count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                int order = Name(mid).SequenceCompareTo(name);
                if (order == 0)
                {
                    var line = Line(mid);
                    var rest = line[(name.Length + 1)..];
                    int tab = rest.IndexOf('\t');
                    return (rest[..tab].ToString(), rest[(tab + 1)..].TrimEnd('\r').ToString());
                }

                (lo, hi) = order < 0 ? (mid + 1, hi) : (lo, mid - 1);
            }

            return null;
        }

        public IEnumerable<string> Names()
        {
            for (int i = 0; i < _starts.Count; i++)
            {
                yield return Name(i).ToString();
            }
        }

        private ReadOnlySpan<char> Line(int i)
        {
            var rest = _text.AsSpan(_starts[i]);
            int end = rest.IndexOf('\n');
            return end < 0 ? rest : rest[..end];
        }

        private ReadOnlySpan<char> Name(int i)
        {
            var line = Line(i);
            return line[..line.IndexOf('\t')];
        }
    }
}
