namespace SamPerms.Iam;

/// <summary>
/// Which requests a statement applies to, for a request that may itself be a pattern: "covers" when it applies
/// to every action (resource) the pattern matches, "touches" when to some. Resources compare in their canonical
/// spelling (<see cref="PolicyValue.Canonical"/>).
/// </summary>
public static class StatementCoverage
{
    /// <summary>Does the statement apply to every action the pattern matches?</summary>
    public static Certainty CoversAction(this Statement st, string action)
    {
        if (st.NotAction)
        {
            var result = Certainty.Yes;
            foreach (var p in st.Actions)
            {
                result = result.And(CertaintyExtensions.From(Wildcard.Intersects(p, action, ignoreCase: true)).Not());
            }

            return result;
        }

        return CertaintyExtensions.From(st.Actions.Any(p => Wildcard.Covers(p, action, ignoreCase: true)));
    }

    /// <summary>Does the statement apply to some action the pattern matches?</summary>
    public static Certainty TouchesAction(this Statement st, string action) => st.NotAction
        ? CertaintyExtensions.From(!st.Actions.Any(p => Wildcard.Covers(p, action, ignoreCase: true)))
        : CertaintyExtensions.From(st.Actions.Any(p => Wildcard.Intersects(p, action, ignoreCase: true)));

    /// <summary>Does the statement apply to every resource the pattern matches?</summary>
    public static Certainty CoversResource(this Statement st, string resource)
    {
        var result = st.NotResource ? Certainty.Yes : Certainty.No;
        foreach (var p in st.Resources.Select(r => r.Canonical))
        {
            result = st.NotResource
                ? result.And(SymbolicPattern.Intersects(p, resource, ignoreCase: false).Not())
                : result.Or(SymbolicPattern.Covers(p, resource, ignoreCase: false));
        }

        return result;
    }

    /// <summary>Does the statement apply to some resource the pattern matches?</summary>
    public static Certainty TouchesResource(this Statement st, string resource)
    {
        var result = st.NotResource ? Certainty.Yes : Certainty.No;
        foreach (var p in st.Resources.Select(r => r.Canonical))
        {
            result = st.NotResource
                ? result.And(SymbolicPattern.Covers(p, resource, ignoreCase: false).Not())
                : result.Or(SymbolicPattern.Intersects(p, resource, ignoreCase: false));
        }

        return result;
    }

    public static Certainty Covers(this Statement st, string action, string resource) => st.CoversAction(action).And(st.CoversResource(resource));

    public static Certainty Touches(this Statement st, string action, string resource) => st.TouchesAction(action).And(st.TouchesResource(resource));
}
