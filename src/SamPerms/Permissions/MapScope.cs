namespace SamPerms.Permissions;

/// <summary>
/// The part of a permission map one question needs (<c>can</c>, <c>permissions --function</c>): the subjects of one
/// logical id, as the output or the SAM template names it, and their invokers only when <paramref name="Invokers"/>
/// (who may invoke a function is found by reading every role of the template). Everything the template shares
/// (resource policies, unattached invokers, key notes) is read as for the whole map. An id that names no subject
/// gives the whole map, so that what is said about it is what the whole map says.
/// </summary>
public sealed record MapScope(string SubjectId, bool Invokers)
{
    /// <summary>Whether the map keeps the subject made from the output resource <paramref name="logicalId"/>, made from the SAM resource <paramref name="samLogicalId"/>.</summary>
    public bool Keeps(string logicalId, string samLogicalId) =>
        string.Equals(logicalId, SubjectId, StringComparison.Ordinal) || string.Equals(samLogicalId, SubjectId, StringComparison.Ordinal);
}
