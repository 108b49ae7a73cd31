using SamPerms.Iam;

namespace SamPerms.Permissions;

/// <summary>The statements of grants, for evaluation: opaque grants left out, <see cref="Statement.Id"/> the grant's index.</summary>
public static class GrantStatements
{
    public static List<Statement> Of(IReadOnlyList<Grant> grants)
    {
        var result = new List<Statement>(grants.Count);
        for (int i = 0; i < grants.Count; i++)
        {
            if (!grants[i].Opaque)
            {
                result.Add(grants[i].Statement with { Id = i });
            }
        }

        return result;
    }
}
