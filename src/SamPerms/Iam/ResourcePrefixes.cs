namespace SamPerms.Iam;

/// <summary>
/// Statements indexed by the literal start of their resource patterns: the text before the first wildcard or
/// symbol (<c>arn:aws:s3:::orders/</c> of <c>arn:aws:s3:::orders/${Prefix}*</c>). A pattern and a request can
/// have a value in common only when one literal start begins the other (every value of each begins with its own),
/// and a pattern covers a request only when they have a value in common; so every other statement neither covers
/// nor touches the request. NotResource statements may apply to anything; a statement without resources applies to
/// nothing. Few statements are not indexed at all.
/// </summary>
internal sealed class ResourcePrefixes
{
    private const int Indexed = 16;

    private static readonly System.Buffers.SearchValues<char> NotLiteral =
        System.Buffers.SearchValues.Create(['*', '?', '$', ArnWildcards.SegmentStar, ArnWildcards.SegmentOne]);

    private readonly IReadOnlyList<Statement> _statements;
    private Dictionary<string, List<int>>? _byStart;
    private string[]? _starts;
    private List<int>? _anyResource;

    public ResourcePrefixes(IReadOnlyList<Statement> statements) => _statements = statements;

    /// <summary>The statements that may touch the resource (a pattern or not), in their order.</summary>
    public IReadOnlyList<Statement> Touching(string resource) => Candidates(resource);

    /// <summary>The statements that may cover the resource, in their order (those that may touch it).</summary>
    public IReadOnlyList<Statement> Covering(string resource) => Candidates(resource);

    private IReadOnlyList<Statement> Candidates(string resource)
    {
        if (_statements.Count <= Indexed || resource.Length > StatementIndex.LongText)
        {
            return _statements;
        }

        var request = LiteralStart(resource);
        if (request.Length == 0)
        {
            return _statements; // any resource at all ("*")
        }

        Build();
        var found = new List<int>(_anyResource!);

        // Starts that begin the request's: each prefix of it, looked up without copying.
        var lookup = _byStart!.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = 0; k <= request.Length; k++)
        {
            if (lookup.TryGetValue(request.AsSpan(0, k), out var list))
            {
                found.AddRange(list);
            }
        }

        // Starts the request's begins (longer ones): a range of the sorted starts.
        int from = LowerBound(_starts!, request);
        for (int i = from; i < _starts!.Length && _starts[i].StartsWith(request, StringComparison.Ordinal); i++)
        {
            if (_starts[i].Length > request.Length)
            {
                found.AddRange(_byStart[_starts[i]]);
            }
        }

        found.Sort();
        var result = new List<Statement>(found.Count);
        for (int i = 0; i < found.Count; i++)
        {
            if (i == 0 || found[i] != found[i - 1])
            {
                result.Add(_statements[found[i]]);
            }
        }

        return result;
    }

    private void Build()
    {
        if (_byStart is not null)
        {
            return;
        }

        var byStart = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var anyResource = new List<int>();
        for (int i = 0; i < _statements.Count; i++)
        {
            var st = _statements[i];
            if (st.NotResource || st.Resources.Any(r => r.Canonical.Length > StatementIndex.LongText))
            {
                anyResource.Add(i);
                continue;
            }

            foreach (var start in st.Resources.Select(r => LiteralStart(r.Canonical)).Distinct(StringComparer.Ordinal))
            {
                if (!byStart.TryGetValue(start, out var list))
                {
                    byStart[start] = list = [];
                }

                list.Add(i);
            }
        }

        _starts = byStart.Keys.Order(StringComparer.Ordinal).ToArray();
        _anyResource = anyResource;
        _byStart = byStart;
    }

    private static string LiteralStart(string pattern) =>
        pattern.AsSpan().IndexOfAny(NotLiteral) is var cut and >= 0 ? pattern[..cut] : pattern;

    /// <summary>The first index whose start sorts at or after the text.</summary>
    private static int LowerBound(string[] sorted, string text)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (string.CompareOrdinal(sorted[mid], text) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
