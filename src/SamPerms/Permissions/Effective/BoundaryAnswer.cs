namespace SamPerms.Permissions.Effective;

/// <summary>
/// <c>can</c>'s answer when the role's policies allow the request but its permissions boundary decides: no when the
/// boundary does not allow it, cannot tell when the boundary is unknown or conditional, else no change (null).
/// </summary>
public static class BoundaryAnswer
{
    public static AccessAnswer? Limit(Subject subject, IReadOnlyList<Grant> allowing, Iam.Certainty inBoundary)
    {
        if (subject.Boundary is not { } boundary || inBoundary == Iam.Certainty.Yes)
        {
            return null;
        }

        var by = allowing.Count > 0 ? $"allowed by {Where(subject, allowing[0].Source)}" : "allowed by the role's policies";
        return inBoundary == Iam.Certainty.No
            ? new AccessAnswer(AccessVerdict.NotAllowed, $"{by} but outside the {BoundaryCheck.Describe(boundary)}", allowing)
            : new AccessAnswer(AccessVerdict.Unverifiable, boundary.Known
                ? $"{by}; whether the {BoundaryCheck.Describe(boundary)} allows it depends on a condition or values known at deploy"
                : $"{by}; the {BoundaryCheck.Describe(boundary)} is not known here, so what it leaves is known only at deploy", allowing);
    }

    internal static string Where(Subject subject, Source source) =>
        (source.PropertyPath.Length == 0 ? source.Description : source.LogicalId == subject.SamLogicalId ? source.PropertyPath : source.ToString()) + (source.Span.IsKnown ? $" (line {source.Span.Line})" : "");
}
