namespace SamPerms.Iam;

/// <summary>
/// A list of statements indexed for asking many questions of the same policies (a role of thousands of statements,
/// the old version's statements in a diff, an intent's declarations). By action: the statements that may apply to an
/// action are those naming it (IAM compares actions ignoring case), those with a wildcard action and those with
/// NotAction; every other one neither covers nor touches it. A wildcard action may touch any statement, but only one
/// with NotAction or a wildcard action may cover it (a single action never covers a pattern). Then, among the
/// statements of one action, by resource (<see cref="ResourcePrefixes"/>). An action of more than
/// <see cref="LongText"/> characters is asked of every statement (beyond that <see cref="Wildcard.Intersects"/>
/// answers "may intersect" without comparing).
/// </summary>
public sealed class StatementIndex : IStatementLookup
{
    /// <summary>Longer actions and resources are not indexed: they are compared with every statement.</summary>
    internal const int LongText = 3000;

    private readonly IReadOnlyList<Statement> _all;
    private readonly Dictionary<string, List<int>> _byAction = new(StringComparer.Ordinal);
    private readonly List<int> _anyAction = [];
    private readonly Dictionary<string, ResourcePrefixes> _asked = new(StringComparer.Ordinal);
    private ResourcePrefixes? _every;
    private ResourcePrefixes? _patterns;

    public StatementIndex(IReadOnlyList<Statement> statements)
    {
        _all = statements;
        for (int i = 0; i < statements.Count; i++)
        {
            var st = statements[i];
            if (st.NotAction || st.Actions.Any(a => Wildcard.HasWildcard(a) || a.Length > LongText))
            {
                _anyAction.Add(i);
                continue;
            }

            foreach (var action in st.Actions.Select(a => a.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
            {
                if (!_byAction.TryGetValue(action, out var list))
                {
                    _byAction[action] = list = [];
                }

                list.Add(i);
            }
        }
    }

    public IReadOnlyList<Statement> Touching(string action, string resource) => ForAction(action).Touching(resource);

    public IReadOnlyList<Statement> Covering(string action, string resource) =>
        (Wildcard.HasWildcard(action) && action.Length <= LongText ? _patterns ??= new ResourcePrefixes(_anyAction.Select(i => _all[i]).ToList()) : ForAction(action))
            .Covering(resource);

    /// <summary>The statements that may apply to the action, in their order in the list, indexed by resource.</summary>
    private ResourcePrefixes ForAction(string action)
    {
        if (Wildcard.HasWildcard(action) || action.Length > LongText)
        {
            return _every ??= new ResourcePrefixes(_all);
        }

        var key = action.ToLowerInvariant();
        if (_asked.TryGetValue(key, out var known))
        {
            return known;
        }

        var named = _byAction.TryGetValue(key, out var list) ? list : [];
        var result = new List<Statement>(named.Count + _anyAction.Count);
        int a = 0, n = 0;
        while (a < _anyAction.Count || n < named.Count)
        {
            var next = n >= named.Count || (a < _anyAction.Count && _anyAction[a] < named[n]) ? _anyAction[a++] : named[n++];
            result.Add(_all[next]);
        }

        _asked[key] = known = new ResourcePrefixes(result);
        return known;
    }
}
