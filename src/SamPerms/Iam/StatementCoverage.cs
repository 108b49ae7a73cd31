namespace SamPerms.Iam;

/// <summary>
/// Which requests a statement applies to, for a request that may itself be a pattern: "covers" when it applies
/// to every action (resource) the pattern matches, "touches" when to some. Actions compare case-insensitively;
/// resources compare in their canonical spelling (<see cref="PolicyValue.Canonical"/>), case-sensitively, with
/// the ARN wildcard rules of <see cref="ArnWildcards"/>. A request on the literal resource <c>*</c> (an action
/// that takes no resource type) is matched as that one value (<c>literal</c>). A statement of a policy IAM
/// rejects (<see cref="Statement.Rejected"/>) applies to nothing.
/// </summary>
public static class StatementCoverage
{
    /// <summary>Does the statement apply to every action the pattern matches?</summary>
    public static Certainty CoversAction(this Statement st, string action)
    {
        if (st.Rejected is not null)
        {
            return Certainty.No;
        }

        // Compared in lower case, as Wildcard does with ignoreCase, the statement's patterns lowered once for all questions.
        var lower = action.ToLowerInvariant();
        if (st.NotAction)
        {
            var result = Certainty.Yes;
            foreach (var p in st.LowerActions)
            {
                result = result.And(CertaintyExtensions.From(Wildcard.Intersects(p, lower, ignoreCase: false)).Not());
            }

            return result;
        }

        foreach (var p in st.LowerActions)
        {
            if (Wildcard.Covers(p, lower, ignoreCase: false))
            {
                return Certainty.Yes;
            }
        }

        return Certainty.No;
    }

    /// <summary>Does the statement apply to some action the pattern matches?</summary>
    public static Certainty TouchesAction(this Statement st, string action)
    {
        if (st.Rejected is not null)
        {
            return Certainty.No;
        }

        var lower = action.ToLowerInvariant();
        return st.NotAction
            ? CertaintyExtensions.From(!st.LowerActions.Any(p => Wildcard.Covers(p, lower, ignoreCase: false)))
            : CertaintyExtensions.From(st.LowerActions.Any(p => Wildcard.Intersects(p, lower, ignoreCase: false)));
    }

    /// <summary>Does the statement apply to every resource the pattern matches (to the one value, when literal)?</summary>
    public static Certainty CoversResource(this Statement st, string resource, bool literal = false)
    {
        var request = literal ? resource : ArnWildcards.Encode(resource);
        var result = st.NotResource ? Certainty.Yes : Certainty.No;
        foreach (var value in st.Resources)
        {
            result = st.NotResource
                ? result.And(Meets(value.Canonical, request, literal).Not())
                : result.Or(Contains(value.Canonical, request, literal));
        }

        return result;
    }

    /// <summary>Does the statement apply to some resource the pattern matches (to the one value, when literal)?</summary>
    public static Certainty TouchesResource(this Statement st, string resource, bool literal = false)
    {
        var request = literal ? resource : ArnWildcards.Encode(resource);
        var result = st.NotResource ? Certainty.Yes : Certainty.No;
        foreach (var value in st.Resources)
        {
            result = st.NotResource
                ? result.And(Contains(value.Canonical, request, literal).Not())
                : result.Or(Meets(value.Canonical, request, literal));
        }

        return result;
    }

    // The resource is compared only when the action may apply: most statements of a role are about other actions,
    // and the action test is the cheap one.
    public static Certainty Covers(this Statement st, string action, string resource, bool literal = false) =>
        st.CoversAction(action) is var a && a == Certainty.No ? a : a.And(st.CoversResource(resource, literal));

    public static Certainty Touches(this Statement st, string action, string resource, bool literal = false) =>
        st.TouchesAction(action) is var a && a == Certainty.No ? a : a.And(st.TouchesResource(resource, literal));

    /// <summary>Does the statement's pattern take in every value of the request?</summary>
    private static Certainty Contains(string pattern, string request, bool literal) =>
        Undocumented(pattern, literal ? Literal(pattern, request) : SymbolicPattern.Covers(ArnWildcards.Encode(pattern), request, ignoreCase: false));

    /// <summary>Does the statement's pattern take in some value of the request?</summary>
    private static Certainty Meets(string pattern, string request, bool literal) =>
        Undocumented(pattern, literal ? Literal(pattern, request) : SymbolicPattern.Intersects(ArnWildcards.Encode(pattern), request, ignoreCase: false));

    /// <summary>The pattern against one literal value: its symbols (values known at deploy) may be anything.</summary>
    private static Certainty Literal(string pattern, string value)
    {
        var encoded = ArnWildcards.Encode(pattern);
        if (!SymbolicPattern.HasSymbol(pattern))
        {
            return CertaintyExtensions.From(Wildcard.Matches(encoded, value, ignoreCase: false));
        }

        return Wildcard.Matches(SymbolicPattern.Starred(encoded), value, ignoreCase: false) ? Certainty.Maybe : Certainty.No;
    }

    /// <summary>A wildcard in the service segment, which the Resource page says cannot be used: a match is not certain.</summary>
    private static Certainty Undocumented(string pattern, Certainty c) =>
        c == Certainty.Yes && ArnWildcards.ServiceHasWildcard(pattern) ? Certainty.Maybe : c;
}
