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
                // The action lists are made on the grant's own statement first: every copy (each check of a subject
                // takes its own) then shares them instead of making its own.
                var statement = grants[i].Statement;
                _ = statement.LowerActions;
                result.Add(statement with { Id = i });
            }
        }

        return result;
    }
}
