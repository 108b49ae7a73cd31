namespace SamPerms.Iam;

/// <summary>
/// One identity-policy statement reduced to what evaluation needs: effect, action and resource patterns (or their
/// Not- forms), and whether it holds only under a condition (an IAM Condition, or a template condition that cannot
/// be decided). <see cref="Id"/> lets callers find the statement they built it from.
/// </summary>
public sealed record IamStatement(
    bool Allow,
    IReadOnlyList<string> Actions,
    bool NotAction,
    IReadOnlyList<string> Resources,
    bool NotResource,
    bool Conditional,
    int Id)
{
    /// <summary>Does the statement apply to every action the pattern matches?</summary>
    public Certainty CoversAction(string action)
    {
        if (NotAction)
        {
            var result = Certainty.Yes;
            foreach (var p in Actions)
            {
                result = result.And(CertaintyExtensions.From(Wildcard.Intersects(p, action, ignoreCase: true)).Not());
            }

            return result;
        }

        return CertaintyExtensions.From(Actions.Any(p => Wildcard.Covers(p, action, ignoreCase: true)));
    }

    /// <summary>Does the statement apply to some action the pattern matches?</summary>
    public Certainty TouchesAction(string action) => NotAction
        ? CertaintyExtensions.From(!Actions.Any(p => Wildcard.Covers(p, action, ignoreCase: true)))
        : CertaintyExtensions.From(Actions.Any(p => Wildcard.Intersects(p, action, ignoreCase: true)));

    /// <summary>Does the statement apply to every resource the pattern matches?</summary>
    public Certainty CoversResource(string resource)
    {
        var result = NotResource ? Certainty.Yes : Certainty.No;
        foreach (var p in Resources)
        {
            result = NotResource
                ? result.And(SymbolicPattern.Intersects(p, resource, ignoreCase: false).Not())
                : result.Or(SymbolicPattern.Covers(p, resource, ignoreCase: false));
        }

        return result;
    }

    /// <summary>Does the statement apply to some resource the pattern matches?</summary>
    public Certainty TouchesResource(string resource)
    {
        var result = NotResource ? Certainty.Yes : Certainty.No;
        foreach (var p in Resources)
        {
            result = NotResource
                ? result.And(SymbolicPattern.Covers(p, resource, ignoreCase: false).Not())
                : result.Or(SymbolicPattern.Intersects(p, resource, ignoreCase: false));
        }

        return result;
    }

    public Certainty Covers(string action, string resource) => CoversAction(action).And(CoversResource(resource));

    public Certainty Touches(string action, string resource) => TouchesAction(action).And(TouchesResource(resource));
}
