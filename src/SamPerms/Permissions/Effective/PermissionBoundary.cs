namespace SamPerms.Permissions.Effective;

/// <summary>
/// A role's permissions boundary: the most its identity policies can grant. IAM allows a request of the role only
/// when an identity policy allows it AND the boundary allows it; an explicit Deny in either wins. Its statements
/// are known when the boundary is an AWS managed policy of the table or an AWS::IAM::ManagedPolicy of the
/// template; otherwise <see cref="Statements"/> is null and every answer that depends on it waits for deploy.
/// </summary>
public sealed record PermissionBoundary(string Name, IReadOnlyList<Grant>? Statements, Source Source)
{
    public bool Known => Statements is not null;
}

/// <summary>What a permissions boundary leaves of an Allow grant.</summary>
public enum GrantStanding
{
    /// <summary>No boundary, or the boundary allows all of it.</summary>
    Effective,

    /// <summary>The boundary allows some of what it grants, not all (<see cref="BoundaryVerdict.Outside"/> names what).</summary>
    PartlyOutside,

    /// <summary>The boundary allows none of it: the grant gives nothing.</summary>
    Outside,

    /// <summary>The boundary is not known before deploy, or depends on a condition or unresolved value.</summary>
    CannotTell,
}

/// <summary>A grant's standing under the boundary, and the actions (on the grant's resources) found outside it.</summary>
public sealed record BoundaryVerdict(GrantStanding Standing, IReadOnlyList<string> Outside);
