using SamPerms.Model;

namespace SamPerms.Permissions;

/// <summary>One IAM statement read from a policy document, values rendered, with the node it came from.</summary>
public sealed record StatementData(
    string Effect,
    IReadOnlyList<string> Actions,
    bool NotAction,
    IReadOnlyList<Rendered> Resources,
    bool NotResource,
    Node? Condition,
    Node Node,
    string? Conditional);

/// <summary>Reads policy documents into statements, following Fn::If where the condition can be decided.</summary>
public static class PolicyStatements
{
    public static List<StatementData> Read(Node? document, StaticValues values, string? conditional = null)
    {
        var result = new List<StatementData>();
        if (document is null)
        {
            return result;
        }

        foreach (var (doc, cond) in Branches(document, values, conditional))
        {
            if (doc is not MapNode d)
            {
                continue;
            }

            var statements = d.Get("Statement");
            IEnumerable<Node> items = statements is SeqNode s ? s.Items : statements is null ? [] : [statements];
            foreach (var item in items)
            {
                foreach (var (st, stCond) in Branches(item, values, cond))
                {
                    if (st is MapNode m)
                    {
                        result.Add(ReadStatement(m, values, stCond));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The values an Fn::If may take: the decided branch, or both when undecidable (marked conditional).</summary>
    public static IEnumerable<(Node Value, string? Conditional)> Branches(Node node, StaticValues values, string? conditional)
    {
        if (Intrinsics.IfArgs(node) is { } args && args[0] is StringNode cond)
        {
            var decided = values.Condition(cond.Value);
            if (decided != false && !Intrinsics.IsNoValue(args[1]))
            {
                foreach (var b in Branches(args[1], values, decided == true ? conditional : Join(conditional, cond.Value)))
                {
                    yield return b;
                }
            }

            if (decided != true && !Intrinsics.IsNoValue(args[2]))
            {
                foreach (var b in Branches(args[2], values, decided == false ? conditional : Join(conditional, "!" + cond.Value)))
                {
                    yield return b;
                }
            }

            yield break;
        }

        yield return (node, conditional);
    }

    private static string Join(string? a, string b) => a is null ? b : $"{a} && {b}";

    private static StatementData ReadStatement(MapNode m, StaticValues values, string? conditional)
    {
        var effect = values.Render(m.Get("Effect")).Text;
        bool notAction = !m.ContainsKey("Action") && m.ContainsKey("NotAction");
        bool notResource = !m.ContainsKey("Resource") && m.ContainsKey("NotResource");
        var actions = Strings(m.Get(notAction ? "NotAction" : "Action"), values).Select(r => r.Text).ToList();
        var resources = Strings(m.Get(notResource ? "NotResource" : "Resource"), values);
        return new StatementData(effect, actions, notAction, resources, notResource, m.Get("Condition"), m, conditional);
    }

    /// <summary>A string or list of strings (each possibly an intrinsic), rendered.</summary>
    public static List<Rendered> Strings(Node? node, StaticValues values)
    {
        var result = new List<Rendered>();
        if (node is null or NullNode)
        {
            return result;
        }

        if (node is SeqNode s)
        {
            foreach (var item in s.Items)
            {
                foreach (var (v, _) in Branches(item, values, null))
                {
                    if (!Intrinsics.IsNoValue(v))
                    {
                        result.Add(values.Render(v));
                    }
                }
            }

            return result;
        }

        foreach (var (v, _) in Branches(node, values, null))
        {
            if (v is SeqNode inner)
            {
                result.AddRange(Strings(inner, values));
            }
            else if (!Intrinsics.IsNoValue(v))
            {
                result.Add(values.Render(v));
            }
        }

        return result;
    }
}
