using SamPerms.Iam;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// IAM's rule for permissions boundaries (policy evaluation logic): a request of a role with a boundary is allowed
/// only when an identity policy allows it and the boundary allows it too. The boundary's statements are evaluated
/// with the same evaluator as the role's; an unknown boundary answers "cannot tell", never "yes".
/// </summary>
public static class BoundaryCheck
{
    /// <summary>Does the boundary allow the action on the resource? Yes without a boundary.</summary>
    public static Certainty Allows(Subject subject, string action, string canonicalResource, StaticValues values)
    {
        if (subject.Boundary is not { } boundary)
        {
            return Certainty.Yes;
        }

        if (boundary.Statements is not { } grants)
        {
            return Certainty.Maybe;
        }

        var statements = GrantStatements.Of(grants);
        var ev = PolicyEvaluator.Evaluate(statements, action, canonicalResource);
        return ev.Decision switch
        {
            Decision.Allowed => Certainty.Yes,
            Decision.Undecided => Certainty.Maybe,
            _ when Wildcard.HasWildcard(action) || Wildcard.HasWildcard(canonicalResource) => PolicyEvaluator.EvaluateSome(statements, action, canonicalResource).Decision switch
            {
                Decision.Allowed or Decision.Undecided => Certainty.Maybe,
                _ => Certainty.No,
            },
            _ => Certainty.No,
        };
    }

    /// <summary>What the boundary leaves of one grant of the subject's role.</summary>
    public static BoundaryVerdict Of(Subject subject, Grant grant, StaticValues values)
    {
        if (subject.Boundary is not { } boundary || !grant.IsAllow || grant.Opaque)
        {
            return new BoundaryVerdict(GrantStanding.Effective, []);
        }

        if (!boundary.Known)
        {
            return new BoundaryVerdict(GrantStanding.CannotTell, []);
        }

        var statements = GrantStatements.Of(boundary.Statements!);
        IReadOnlyList<string> actions = grant.NotAction ? ["*"] : grant.Actions;
        IReadOnlyList<string> resources = grant.NotResource || grant.Resources.Count == 0 ? ["*"] : grant.Resources.Select(r => values.Canonical(r.Text)).ToList();
        var outside = new List<string>();
        int inside = 0, undecided = 0;
        foreach (var action in actions)
        {
            var decisions = resources.Select(r => PolicyEvaluator.Evaluate(statements, action, r).Decision).ToList();
            if (decisions.All(d => d == Decision.Allowed))
            {
                inside++;
            }
            else if (decisions.Any(d => d == Decision.Undecided))
            {
                undecided++;
            }
            else if (resources.All(r => PolicyEvaluator.EvaluateSome(statements, action, r).Decision is Decision.NotAllowed or Decision.Denied))
            {
                outside.Add(action);
            }
            else
            {
                outside.Add(action + " (in part)");
            }
        }

        if (outside.Count == actions.Count && outside.All(a => !a.EndsWith(" (in part)", StringComparison.Ordinal)))
        {
            return new BoundaryVerdict(GrantStanding.Outside, outside);
        }

        if (outside.Count > 0)
        {
            return new BoundaryVerdict(GrantStanding.PartlyOutside, outside);
        }

        return new BoundaryVerdict(undecided > 0 ? GrantStanding.CannotTell : GrantStanding.Effective, []);
    }

    /// <summary>How the boundary is named in messages: "permission boundary AmazonS3ReadOnlyAccess (line 30)".</summary>
    public static string Describe(PermissionBoundary boundary) =>
        boundary.Source.Description + (boundary.Source.Span.IsKnown ? $" (line {boundary.Source.Span.Line})" : "");
}
