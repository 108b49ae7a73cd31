using SamPerms.Iam;

namespace SamPerms.Permissions;

/// <summary>Grants as IAM statements for evaluation: resources in their canonical spelling; opaque grants left out.</summary>
public static class GrantStatements
{
    /// <summary>One statement per grant that has statements; <see cref="IamStatement.Id"/> is the grant's index.</summary>
    public static List<IamStatement> Of(IReadOnlyList<Grant> grants, StaticValues values)
    {
        var result = new List<IamStatement>(grants.Count);
        for (int i = 0; i < grants.Count; i++)
        {
            var g = grants[i];
            if (g.Opaque)
            {
                continue;
            }

            result.Add(new IamStatement(
                g.IsAllow,
                g.Actions,
                g.NotAction,
                g.Resources.Select(r => values.Canonical(r.Text)).ToList(),
                g.NotResource,
                g.Condition is not null || g.Conditional is not null,
                i));
        }

        return result;
    }
}
