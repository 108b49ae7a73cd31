namespace SamPerms.Iam;

public enum Decision
{
    /// <summary>Every action and resource asked about is allowed, and no Deny can apply.</summary>
    Allowed,

    /// <summary>An explicit Deny applies to all or part of the request.</summary>
    Denied,

    /// <summary>No Allow covers the request (IAM's implicit deny).</summary>
    NotAllowed,

    /// <summary>Depends on what is known only at run time: a condition, a value unresolved before deploy.</summary>
    Undecided,
}

/// <summary>Why a request could not be decided before deploy.</summary>
public enum UndecidedReason
{
    None,

    /// <summary>The Allow that covers it holds only under a condition.</summary>
    Condition,

    /// <summary>Whether a statement covers it depends on a value known only at deploy time.</summary>
    UnresolvedValue,

    /// <summary>It is allowed, but a Deny (conditional or on unresolved values) may apply.</summary>
    MayBeDenied,
}

/// <summary>The answer for one request, with the statements that decided it.</summary>
public sealed record Evaluation(
    Decision Decision,
    UndecidedReason Reason,
    IReadOnlyList<Statement> Allowing,
    IReadOnlyList<Statement> Denying,
    bool PartlyDenied)
{
    /// <summary>What made the request special, for people: it needs no permission, or it acts on the resource "*".</summary>
    public string? Note { get; init; }
}

/// <summary>
/// IAM evaluation of one principal's identity statements for a request that may itself be a pattern (the intent
/// may ask for <c>logs:*</c> on <c>*</c>), as the IAM User Guide's "Policy evaluation logic" describes it for one
/// account: an explicit Deny wins; otherwise the request is allowed when Allow statements cover every action and
/// resource it names; otherwise it is implicitly denied. When no single statement covers a wildcard action, the
/// action is expanded against the IAM action catalog and each action is checked on its own.
/// The request's resource: an action the Service Authorization Reference lists with no resource type acts on the
/// literal resource <c>*</c> ("NotAction" page: <c>s3:ListAllMyBuckets</c> "requires the "*" resource"), whatever
/// resource was asked about. A request no policy can deny (<see cref="UndeniableActions"/>) is allowed.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>Beyond this many catalog actions a wildcard is not checked action by action.</summary>
    private const int UnionExpansionLimit = 3000;

    /// <summary>
    /// The resource a request for the action acts on: the literal <c>*</c> (Literal) for a known action without
    /// resource types; otherwise the resource asked about, a pattern.
    /// </summary>
    public static (string Resource, bool Literal) RequestResource(string action, string resource) =>
        !Wildcard.HasWildcard(action) && Data.IamActionCatalog.Find(action) is { ResourceTypes.Count: 0 } ? ("*", true) : (resource, false);

    public static Evaluation Evaluate(IReadOnlyList<Statement> statements, string action, string resource) =>
        Evaluate(new StatementList(statements), action, resource);

    /// <summary>As <see cref="Evaluate(IReadOnlyList{Statement}, string, string)"/>, looking only at the statements that may apply.</summary>
    public static Evaluation Evaluate(IStatementLookup statements, string action, string resource)
    {
        if (!Wildcard.HasWildcard(action) && UndeniableActions.Reason(action) is { } always)
        {
            return new Evaluation(Decision.Allowed, UndecidedReason.None, [], [], false) { Note = always };
        }

        var (target, literal) = RequestResource(action, resource);
        var note = literal ? StarNote(action) : null;
        Statement? fullDeny = null;
        var partialDenies = new List<Statement>();
        var maybeDenies = new List<Statement>();
        foreach (var st in statements.Touching(action, target).Where(s => !s.IsAllow))
        {
            var touches = st.Touches(action, target, literal);
            if (touches == Certainty.No)
            {
                continue;
            }

            if (st.IsConditional || touches == Certainty.Maybe)
            {
                maybeDenies.Add(st);
            }
            else if (st.Covers(action, target, literal) == Certainty.Yes)
            {
                fullDeny ??= st;
            }
            else
            {
                partialDenies.Add(st);
            }
        }

        if (fullDeny is not null)
        {
            return new Evaluation(Decision.Denied, UndecidedReason.None, [], [fullDeny], false) { Note = note };
        }

        if (partialDenies.Count > 0)
        {
            return new Evaluation(Decision.Denied, UndecidedReason.None, [], partialDenies, true) { Note = note };
        }

        var (coverage, allowing, reason) = AllowCoverage(statements, action, resource);
        return coverage switch
        {
            Certainty.Yes when maybeDenies.Count > 0 => new Evaluation(Decision.Undecided, UndecidedReason.MayBeDenied, allowing, maybeDenies, false) { Note = note },
            Certainty.Yes => new Evaluation(Decision.Allowed, UndecidedReason.None, allowing, [], false) { Note = note },
            Certainty.Maybe => new Evaluation(Decision.Undecided, reason, allowing, maybeDenies, false) { Note = note },
            _ => new Evaluation(Decision.NotAllowed, UndecidedReason.None, [], maybeDenies, false) { Note = note },
        };
    }

    /// <summary>
    /// Is some of what the request names allowed? An unconditional Allow must touch it, and no unconditional Deny
    /// may cover all of it. Used for intent written with wildcards, which declares a ceiling rather than a need.
    /// </summary>
    public static Evaluation EvaluateSome(IReadOnlyList<Statement> statements, string action, string resource) =>
        EvaluateSome(new StatementList(statements), action, resource);

    /// <summary>As <see cref="EvaluateSome(IReadOnlyList{Statement}, string, string)"/>, looking only at the statements that may apply.</summary>
    public static Evaluation EvaluateSome(IStatementLookup lookup, string action, string resource)
    {
        if (!Wildcard.HasWildcard(action) && UndeniableActions.Reason(action) is { } always)
        {
            return new Evaluation(Decision.Allowed, UndecidedReason.None, [], [], false) { Note = always };
        }

        var (target, literal) = RequestResource(action, resource);
        var statements = lookup.Touching(action, target);
        var fullDeny = statements.FirstOrDefault(s => !s.IsAllow && !s.IsConditional && s.Covers(action, target, literal) == Certainty.Yes);
        if (fullDeny is not null)
        {
            return new Evaluation(Decision.Denied, UndecidedReason.None, [], [fullDeny], false);
        }

        var best = Certainty.No;
        var allowing = new List<Statement>();
        var reason = UndecidedReason.None;
        foreach (var st in statements.Where(s => s.IsAllow))
        {
            var c = st.Touches(action, target, literal);
            var why = c == Certainty.Maybe ? UndecidedReason.UnresolvedValue : UndecidedReason.None;
            if (c != Certainty.No && st.IsConditional)
            {
                (c, why) = (Certainty.Maybe, UndecidedReason.Condition);
            }

            if (c > best)
            {
                (best, reason) = (c, why);
                allowing.Clear();
            }

            if (c == best && c != Certainty.No)
            {
                allowing.Add(st);
            }
        }

        var maybeDenies = statements.Where(s => !s.IsAllow && s.Touches(action, target, literal) != Certainty.No
            && (s.IsConditional || s.Touches(action, target, literal) == Certainty.Maybe)).ToList();
        return best switch
        {
            Certainty.Yes when maybeDenies.Count > 0 => new Evaluation(Decision.Undecided, UndecidedReason.MayBeDenied, allowing, maybeDenies, false),
            Certainty.Yes => new Evaluation(Decision.Allowed, UndecidedReason.None, allowing, [], false),
            Certainty.Maybe => new Evaluation(Decision.Undecided, reason, allowing, [], false),
            _ => new Evaluation(Decision.NotAllowed, UndecidedReason.None, [], [], false),
        };
    }

    /// <summary>
    /// The actions of a pattern (expanded against the catalog when no single statement decides it) that the
    /// statements' Allows do not certainly cover on the resource. Empty when all are covered.
    /// </summary>
    public static IReadOnlyList<string> Uncovered(IReadOnlyList<Statement> statements, string action, string resource) =>
        Uncovered(new StatementList(statements), action, resource);

    /// <summary>As <see cref="Uncovered(IReadOnlyList{Statement}, string, string)"/>, looking only at the statements that may apply.</summary>
    public static IReadOnlyList<string> Uncovered(IStatementLookup statements, string action, string resource)
    {
        if (Best(statements, action, resource).Coverage == Certainty.Yes)
        {
            return [];
        }

        var expanded = Wildcard.HasWildcard(action) ? ActionExpansion.Expand(action) : [];
        if (expanded.Count == 0 || expanded.Count > UnionExpansionLimit)
        {
            return [action];
        }

        var uncovered = expanded.Where(a => Best(statements, a, resource).Coverage != Certainty.Yes).ToList();
        return uncovered.Count == expanded.Count ? [action] : uncovered;
    }

    /// <summary>"s3:ListAllMyBuckets takes no resource: the request's resource is "*"".</summary>
    public static string StarNote(string action) =>
        $"{action} acts on no particular resource: the request's resource is \"*\", which only Resource \"*\" matches";

    private static (Certainty Coverage, List<Statement> Allowing, UndecidedReason Reason) AllowCoverage(
        IStatementLookup statements, string action, string resource)
    {
        var best = Best(statements, action, resource);
        if (best.Coverage == Certainty.Yes || !Wildcard.HasWildcard(action))
        {
            return best;
        }

        // No one statement covers the wildcard: perhaps several together do, action by action.
        var expanded = ActionExpansion.Expand(action);
        if (expanded.Count == 0 || expanded.Count > UnionExpansionLimit)
        {
            return best;
        }

        var union = Certainty.Yes;
        var allowing = new List<Statement>();
        var reason = UndecidedReason.None;
        foreach (var a in expanded)
        {
            var one = Best(statements, a, resource);
            union = union.And(one.Coverage);
            if (union == Certainty.No)
            {
                return best;
            }

            reason = one.Reason != UndecidedReason.None ? one.Reason : reason;
            foreach (var s in one.Allowing.Where(s => !allowing.Contains(s)))
            {
                allowing.Add(s);
            }
        }

        return union > best.Coverage ? (union, allowing, reason) : best;
    }

    /// <summary>The best coverage one Allow statement gives, counting a conditional statement as "maybe".</summary>
    private static (Certainty Coverage, List<Statement> Allowing, UndecidedReason Reason) Best(
        IStatementLookup statements, string action, string resource)
    {
        var (target, literal) = RequestResource(action, resource);
        var best = Certainty.No;
        var allowing = new List<Statement>();
        var reason = UndecidedReason.None;
        foreach (var st in statements.Covering(action, target).Where(s => s.IsAllow))
        {
            var c = st.Covers(action, target, literal);
            var why = c == Certainty.Maybe ? UndecidedReason.UnresolvedValue : UndecidedReason.None;
            if (c != Certainty.No && st.IsConditional)
            {
                c = Certainty.Maybe;
                why = UndecidedReason.Condition;
            }

            if (c > best)
            {
                best = c;
                allowing.Clear();
                reason = why;
            }

            if (c == best && c != Certainty.No)
            {
                allowing.Add(st);
            }
        }

        return (best, allowing, reason);
    }
}
