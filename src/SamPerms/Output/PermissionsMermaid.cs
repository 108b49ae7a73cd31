using System.Text;
using SamPerms.Output.Escaping;
using SamPerms.Permissions;
using SamPerms.Permissions.Effective;
using SamPerms.Permissions.Trust;

namespace SamPerms.Output;

/// <summary>
/// The permission map as a Mermaid flowchart: event sources and callers → functions and state machines → the
/// resources their roles reach, edges labelled with the actions (Deny edges dashed).
/// </summary>
public static class PermissionsMermaid
{
    private const int ActionsShown = 3;

    public static string Write(PermissionMap map) => Build(map).ToString();

    /// <summary>The report as a builder (escaped as a document): a big one is written out chunk by chunk, never one string.</summary>
    public static StringBuilder Build(PermissionMap map)
    {
        var sb = new StringBuilder("flowchart LR\n");
        var nodes = new Dictionary<string, string>(StringComparer.Ordinal);
        string NodeFor(string key, string label, string open, string close)
        {
            if (!nodes.TryGetValue(key, out var id))
            {
                id = "n" + nodes.Count;
                nodes[key] = id;
                sb.Append("  ").Append(id).Append(open).Append(MermaidEscape.Quoted(label)).Append(close).Append('\n');
            }

            return id;
        }

        foreach (var s in map.Subjects)
        {
            var subject = NodeFor("subject:" + s.LogicalId, (s.Kind == SubjectKind.Function ? "λ " : "⚙ ") + MermaidEscape.Value(s.SamLogicalId), "([", "])");
            foreach (var i in s.InvokedBy)
            {
                if (i.Kind == InvokerKind.Role && i.UsedBy is { Count: > 0 } users && users.All(u => map.Subjects.Any(x => x.LogicalId == u)))
                {
                    continue; // drawn as the edge from that subject to this one
                }

                var label = i.Kind == InvokerKind.Role
                    ? $"{MermaidEscape.Value(i.Principal)}<br/>role {MermaidEscape.Value(i.ResourceId)}" + (i.UsedBy is { Count: > 0 } u ? "<br/>used by " + MermaidEscape.Value(string.Join(", ", u)) : "")
                    : MermaidEscape.Value(i.Principal) + (i.SourceArn is { } arn ? "<br/>" + MermaidEscape.Value(arn.Text) : i.SourceAccount is { } acct ? "<br/>account " + MermaidEscape.Value(acct.Text) : "")
                        + (i.FunctionUrlAuthType is { } auth ? "<br/>URL auth " + MermaidEscape.Value(auth) : "")
                        + (i.InvokedViaFunctionUrl ? "<br/>through the function URL" : "");
                var from = NodeFor("invoker:" + label, label, "[", "]");
                sb.Append("  ").Append(from).Append(" -->|").Append(Edge(i.Action)).Append("| ").Append(subject).Append('\n');
            }

            foreach (var p in s.Pollers)
            {
                var from = NodeFor("source:" + p.EventSourceArn.Text, MermaidEscape.Value(p.EventSourceArn.Text), "[(", ")]");
                sb.Append("  ").Append(from).Append(" -->|poller| ").Append(subject).Append('\n');
            }

            // One edge per resource a statement names, its actions summed over statements of the same effect.
            var edges = new List<(string Resource, string Effect, List<string> Actions)>();
            foreach (var g in s.MayDo)
            {
                // A grant the permissions boundary blocks entirely is drawn as a blocked (dashed) edge.
                var effect = s.Boundary is not null && map.Values is { } values && g.IsAllow
                    && BoundaryCheck.Of(s, g, values).Standing == GrantStanding.Outside ? "Blocked by boundary"
                    : g.IsAllow && ResourcePolicyCheck.Of(map, s, g) is { Standing: GrantStanding.Outside, Deciding: { } d } ? "Blocked by " + d.Policy.Kind
                    : g.Effect;
                var resources = g.Opaque ? ["policy " + g.PolicyName + " (not known)"]
                    : g.NotResource ? ["all except " + string.Join(", ", g.Resources.Select(r => r.Text))]
                    : g.Resources.Select(r => r.Text).ToList();
                var actions = g.Opaque ? ["?"] : g.NotAction ? ["all except " + string.Join(", ", g.Actions)] : g.Actions.ToList();
                foreach (var r in resources)
                {
                    var edge = edges.FirstOrDefault(e => e.Resource == r && e.Effect == effect);
                    if (edge.Actions is null)
                    {
                        edge = (r, effect, []);
                        edges.Add(edge);
                    }

                    edge.Actions.AddRange(actions.Where(a => !edge.Actions.Contains(a)));
                }
            }

            foreach (var (resource, effect, actions) in edges)
            {
                // A resource that is another subject of the template (a state machine's function) links to it.
                var target = resource != "*" ? SubjectNamed(map, resource) : null;
                var to = target is not null
                    ? NodeFor("subject:" + target.LogicalId, (target.Kind == SubjectKind.Function ? "λ " : "⚙ ") + MermaidEscape.Value(target.SamLogicalId), "([", "])")
                    : NodeFor("resource:" + resource, resource == "*" ? "* (any resource)" : MermaidEscape.Value(resource), "[/", "/]");
                var label = (effect == "Allow" ? "" : effect + " ") + Summary(actions);
                sb.Append("  ").Append(subject).Append(effect == "Allow" ? " -->|" : " -.->|").Append(Edge(label)).Append("| ").Append(to).Append('\n');
            }
        }

        // Who may assume each role, drawn last so that the nodes above keep their numbers.
        foreach (var s in map.Subjects)
        {
            if (map.TrustOf(s) is { } trust)
            {
                AssumedBy(sb, trust, nodes["subject:" + s.LogicalId], map.Values, NodeFor);
            }
        }

        foreach (var role in map.OtherRoles)
        {
            var node = NodeFor("role:" + role.RoleId, "role " + MermaidEscape.Value(role.RoleId), "[[", "]]");
            AssumedBy(sb, role, node, map.Values, NodeFor);
        }

        return TextEscape.Document(sb);
    }

    /// <summary>An edge from each principal the role trusts to the node that runs with it (dashed for a Deny).</summary>
    private static void AssumedBy(StringBuilder sb, RoleTrust trust, string to, StaticValues? values, Func<string, string, string, string, string> nodeFor)
    {
        foreach (var p in trust.Principals)
        {
            var from = nodeFor("principal:" + p.Display, MermaidEscape.Value(p.Display), ">", "]");
            var label = (p.IsAllow ? "" : p.Effect + " ") + string.Join(", ", p.Actions)
                + (p.ConditionText(values) is { } condition ? " when " + condition : "")
                + (p.Statement.Conditional is { } conditional ? $" [if {conditional}]" : "");
            sb.Append("  ").Append(from).Append(p.IsAllow ? " -->|" : " -.->|").Append(Edge(label)).Append("| ").Append(to).Append('\n');
        }
    }

    private static Subject? SubjectNamed(PermissionMap map, string resource)
    {
        if (map.Values is not { } values)
        {
            return null;
        }

        var pattern = values.Canonical(resource);
        return map.Subjects.FirstOrDefault(s => values.CanonicalArn(s.LogicalId) is { } arn
            && (Iam.Wildcard.Matches(pattern, arn, ignoreCase: false) || pattern == arn));
    }

    private static string Summary(List<string> actions) =>
        actions.Count <= ActionsShown ? string.Join(", ", actions) : $"{string.Join(", ", actions.Take(ActionsShown))} +{actions.Count - ActionsShown}";

    private static string Edge(string label) => MermaidEscape.Quoted(MermaidEscape.Value(label));
}
