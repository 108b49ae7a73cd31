using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Permissions;

/// <summary>
/// What the permission map looks up for every role, computed in one pass over the template's resources so that
/// the map's cost grows with the template, not with its square: the AWS::IAM::Policy and AWS::IAM::ManagedPolicy
/// resources naming each role in their Roles, the resources that mention each logical id (Ref, GetAtt, Sub), and
/// the polled events of each SAM resource (from the origins), and the resources of each type.
/// </summary>
internal sealed class ResourceIndex
{
    private readonly Dictionary<string, List<string>> _policiesByRole = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _mentionedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OriginEvent>> _polledEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byType = new(StringComparer.Ordinal);

    public ResourceIndex(AnalysisContext ctx)
    {
        foreach (var origin in ctx.Origins.Values)
        {
            if (origin.Event is { Polled: true } polled)
            {
                Add(_polledEvents, origin.LogicalId, polled);
            }
        }

        int longestId = 0;
        foreach (var e in ctx.Resources.Entries)
        {
            longestId = Math.Max(longestId, e.Key.Length);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in ctx.Resources.Entries)
        {
            if (e.Value is not MapNode r)
            {
                continue;
            }

            var type = r.Get("Type")?.Str;
            if (type is not null)
            {
                Add(_byType, type, e.Key);
            }

            if (type is "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy")
            {
                if ((r.Get("Properties") as MapNode)?.Get("Roles") is SeqNode roles)
                {
                    ids.Clear();
                    foreach (var x in roles.Items)
                    {
                        if (ctx.ReferencedResource(x) is { } referenced && ids.Add(referenced))
                        {
                            Add(_policiesByRole, referenced, e.Key);
                        }

                        if (ctx.Values.Render(x).Text is var text && ids.Add(text))
                        {
                            Add(_policiesByRole, text, e.Key);
                        }
                    }
                }

                continue;
            }

            if (type is "AWS::IAM::InstanceProfile" || r.Get("Properties") is not { } props)
            {
                continue;
            }

            ids.Clear();
            Mentions(props, ids, longestId);
            foreach (var id in ids)
            {
                if (id != e.Key)
                {
                    Add(_mentionedBy, id, e.Key);
                }
            }
        }
    }

    /// <summary>The policy resources whose Roles name <paramref name="roleId"/> (by reference or as text), in template order.</summary>
    public IReadOnlyList<string> PoliciesOf(string roleId) => _policiesByRole.TryGetValue(roleId, out var list) ? list : [];

    /// <summary>
    /// The resources (other than IAM policies and instance profiles) whose properties mention <paramref name="logicalId"/>
    /// by Ref, GetAtt or in a Sub string as ${Id.Attribute}, in template order.
    /// </summary>
    public IReadOnlyList<string> MentionedBy(string logicalId) => _mentionedBy.TryGetValue(logicalId, out var list) ? list : [];

    /// <summary>The logical ids of the resources of one type, in template order.</summary>
    public IReadOnlyList<string> OfType(string type) => _byType.TryGetValue(type, out var list) ? list : [];

    /// <summary>The logical ids of the resources of any of the types, in template order.</summary>
    public IReadOnlyList<string> OfTypes(IEnumerable<string> types, MapNode resources)
    {
        var ids = types.Distinct(StringComparer.Ordinal).SelectMany(OfType).ToList();
        ids.Sort((a, b) => resources.IndexOf(a).CompareTo(resources.IndexOf(b)));
        return ids;
    }

    /// <summary>The polled events of the SAM resource <paramref name="samLogicalId"/> (one per generated resource, in no set order).</summary>
    public IReadOnlyList<OriginEvent> PolledEventsOf(string samLogicalId) => _polledEvents.TryGetValue(samLogicalId, out var list) ? list : [];

    /// <summary>Every logical id a node mentions: Ref and GetAtt targets, and ${Id.…} in a Sub string.</summary>
    /// <remarks>
    /// Inside a Fn::Sub every string (keys included) is searched for "${Id.": a logical id is letters and digits, so
    /// no id can span two strings or an escape, and searching them one by one finds what a search of the Sub's JSON
    /// text finds, without writing that text.
    /// </remarks>
    private static void Mentions(Node node, HashSet<string> ids, int longestId, bool inSub = false)
    {
        if (node is MapNode m)
        {
            if (Intrinsics.LogicalIdOf(m) is { } id)
            {
                ids.Add(id);
            }

            inSub |= Intrinsics.IsSub(m);
            foreach (var e in m.Entries)
            {
                if (inSub)
                {
                    SubMentions(e.Key, ids, longestId);
                }

                if (inSub || e.IsContainer)
                {
                    Mentions(e.Value, ids, longestId, inSub); // outside a Sub a scalar mentions nothing
                }
            }
        }
        else if (node is SeqNode s)
        {
            foreach (var v in s.Items)
            {
                Mentions(v, ids, longestId, inSub);
            }
        }
        else if (inSub && node is StringNode text)
        {
            SubMentions(text.Value, ids, longestId);
        }
    }

    /// <summary>Each text between a "${" and a later "." (at most as long as the longest logical id): the ids "${Id." names.</summary>
    private static void SubMentions(string text, HashSet<string> ids, int longestId)
    {
        for (int start = text.IndexOf("${", StringComparison.Ordinal); start >= 0; start = text.IndexOf("${", start + 2, StringComparison.Ordinal))
        {
            int limit = Math.Min(text.Length, start + 2 + longestId + 1);
            for (int dot = start + 2; dot < limit; dot++)
            {
                if (text[dot] == '.')
                {
                    ids.Add(text[(start + 2)..dot]);
                }
            }
        }
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(value);
    }
}
