namespace SamPerms.Permissions.Effective;

/// <summary>The one wording of a boundary verdict, shared by every view (text, Markdown, JSON reasons, can).</summary>
public static class BoundaryText
{
    private const int Shown = 6;

    public static string Describe(BoundaryVerdict verdict, PermissionBoundary boundary) => verdict.Standing switch
    {
        GrantStanding.Outside => $"blocked: outside the permission boundary {boundary.Name}",
        GrantStanding.PartlyOutside => $"partly blocked: {List(verdict.Outside)} outside the permission boundary {boundary.Name}",
        GrantStanding.CannotTell when !boundary.Known => $"cannot tell before deploy: the permission boundary {boundary.Name} is not known here",
        GrantStanding.CannotTell => $"cannot tell before deploy: the permission boundary {boundary.Name} allows it only under a condition or values known at deploy",
        _ => "",
    };

    /// <summary>A short machine name of a standing, for JSON.</summary>
    public static string Name(GrantStanding standing) => standing switch
    {
        GrantStanding.Outside => "blocked",
        GrantStanding.PartlyOutside => "partlyBlocked",
        GrantStanding.CannotTell => "unverifiable",
        _ => "effective",
    };

    private static string List(IReadOnlyList<string> actions) =>
        actions.Count <= Shown ? string.Join(", ", actions) : $"{string.Join(", ", actions.Take(Shown))} and {actions.Count - Shown} more";
}
