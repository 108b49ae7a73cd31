using System.Runtime.CompilerServices;
using SamPerms.Iam;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// The resource policies of a template by what they protect, so that finding the policies that govern a request
/// costs lookups, not a pass over every policy (a role's every grant is checked against them): a policy governs a
/// resource that is its ARN or under it ("ARN/…", each '/' of the resource a place to cut), or a resource naming its
/// logical id as a symbol (${Id} or ${Id.Attribute}); a key policy, a resource that names its key. Built once per
/// list of policies, kept beside the list.
/// </summary>
internal sealed class ResourcePolicyTargets
{
    private static readonly ConditionalWeakTable<IReadOnlyList<ResourcePolicy>, ResourcePolicyTargets> Built = new();

    private readonly Dictionary<string, List<int>> _byArn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);

    private ResourcePolicyTargets(IReadOnlyList<ResourcePolicy> policies)
    {
        for (int i = 0; i < policies.Count; i++)
        {
            var p = policies[i];
            if (p.IsKeyPolicy)
            {
                Add(_byKey, p.ResourceId, i);
                continue;
            }

            if (p.Arn is { } arn)
            {
                Add(_byArn, arn, i);
            }

            Add(_byId, p.ResourceId, i);
        }
    }

    public static ResourcePolicyTargets Of(IReadOnlyList<ResourcePolicy> policies) => Built.GetValue(policies, list => new ResourcePolicyTargets(list));

    /// <summary>
    /// The positions of the policies that may govern the resource, ascending: every one that does, and perhaps some
    /// that do not (the caller checks each as it checks any policy).
    /// </summary>
    public List<int> Candidates(string canonical, string? templateKey)
    {
        var found = new List<int>();
        if (templateKey is not null && _byKey.TryGetValue(templateKey, out var keys))
        {
            found.AddRange(keys);
        }

        // The resource itself, and the resource cut before each '/': the ARNs it is, or is under.
        AddFound(found, _byArn, canonical);
        for (int slash = canonical.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = canonical.IndexOf('/', slash + 1))
        {
            AddFound(found, _byArn, canonical[..slash]);
        }

        // Each symbol, and each symbol cut before a '.': the logical ids it names.
        foreach (var symbol in SymbolicPattern.Symbols(canonical))
        {
            AddFound(found, _byId, symbol);
            for (int dot = symbol.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = symbol.IndexOf('.', dot + 1))
            {
                AddFound(found, _byId, symbol[..dot]);
            }
        }

        found.Sort();
        int unique = 0;
        for (int i = 0; i < found.Count; i++)
        {
            if (i == 0 || found[i] != found[i - 1])
            {
                found[unique++] = found[i];
            }
        }

        found.RemoveRange(unique, found.Count - unique);
        return found;
    }

    private static void AddFound(List<int> found, Dictionary<string, List<int>> map, string key)
    {
        if (map.TryGetValue(key, out var list))
        {
            found.AddRange(list);
        }
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int position)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(position);
    }
}
