using SamPerms.Data;

namespace SamPerms.Iam;

/// <summary>
/// Expands action patterns (<c>s3:Get*</c>, <c>dynamodb:*Item</c>, <c>*</c>) into the actions of the IAM action
/// catalog they match. IAM compares action names case-insensitively; the catalog's spelling is returned.
/// </summary>
public static class ActionExpansion
{
    /// <summary>The catalog actions a pattern matches ("service:Action"), in catalog order.</summary>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        var result = new List<string>();
        int colon = pattern.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            // Only "*" (or stars) is a valid action without a service prefix.
            if (Wildcard.IsAll(pattern))
            {
                foreach (var service in IamActionCatalog.Services.Values)
                {
                    result.AddRange(service.Actions.Select(a => a.FullName));
                }
            }

            return result;
        }

        var servicePattern = pattern[..colon];
        var actionPattern = pattern[(colon + 1)..];
        IEnumerable<IamService> services = Wildcard.HasWildcard(servicePattern)
            ? IamActionCatalog.Services.Values.Where(s => Wildcard.Matches(servicePattern, s.Prefix, ignoreCase: true))
            : IamActionCatalog.Service(servicePattern) is { } one ? [one] : [];
        foreach (var service in services)
        {
            if (!Wildcard.HasWildcard(actionPattern))
            {
                if (service.Action(actionPattern) is { } a)
                {
                    result.Add(a.FullName);
                }

                continue;
            }

            foreach (var action in service.Actions)
            {
                if (Wildcard.Matches(actionPattern, action.Name, ignoreCase: true))
                {
                    result.Add(action.FullName);
                }
            }
        }

        return result;
    }

    /// <summary>Is the action (or, for a pattern, any action it matches) in the catalog?</summary>
    public static bool IsKnown(string pattern) =>
        Wildcard.HasWildcard(pattern) ? Expand(pattern).Count > 0 : IamActionCatalog.Find(pattern) is not null;
}
