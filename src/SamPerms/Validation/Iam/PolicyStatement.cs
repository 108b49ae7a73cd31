using SamPerms.Model;

namespace SamPerms.Validation.Iam;

/// <summary>What a policy document is for: an identity's permissions, a resource's policy, or a role's trust policy.</summary>
public enum PolicyKind
{
    Identity,
    Resource,
    Trust,
}

/// <summary>A policy document in the output template: the resource holding it and what it is for.</summary>
public sealed record PolicyDocument(string ResourceId, string ResourceType, PolicyKind Kind, Node Document, string Name);

/// <summary>
/// One statement of a policy document, with its values as nodes (so findings can point at the very item), for
/// the IAM rules. Lists are flattened and Fn::If branches that can be taken are both included.
/// </summary>
public sealed record PolicyStatement(PolicyDocument Policy, MapNode Node)
{
    public Node? Effect => Node.Get("Effect");

    public bool IsAllow => Effect is StringNode { Value: "Allow" };

    public bool HasCondition => Node.Get("Condition") is MapNode { Count: > 0 };

    /// <summary>Action or NotAction items (and which of the two).</summary>
    public (IReadOnlyList<Node> Items, bool Not) Actions =>
        Node.ContainsKey("NotAction") && !Node.ContainsKey("Action") ? (Items(Node.Get("NotAction")), true) : (Items(Node.Get("Action")), false);

    /// <summary>Resource or NotResource items (and which of the two).</summary>
    public (IReadOnlyList<Node> Items, bool Not) Resources =>
        Node.ContainsKey("NotResource") && !Node.ContainsKey("Resource") ? (Items(Node.Get("NotResource")), true) : (Items(Node.Get("Resource")), false);

    /// <summary>The literal action strings with their nodes.</summary>
    public IEnumerable<(string Text, Node Node)> ActionStrings =>
        Actions.Items.OfType<StringNode>().Select(s => (s.Value, (Node)s));

    public bool AnyResource(string value) =>
        Resources.Items.Any(r => r is StringNode s && s.Value == value);

    /// <summary>The items of a string-or-list value, following Fn::If into both branches; AWS::NoValue dropped.</summary>
    public static IReadOnlyList<Node> Items(Node? value)
    {
        var result = new List<Node>();
        Add(value, result);
        return result;
    }

    private static void Add(Node? value, List<Node> result)
    {
        if (value is null or NullNode || Intrinsics.IsNoValue(value))
        {
            return;
        }

        if (value is SeqNode s)
        {
            foreach (var item in s.Items)
            {
                Add(item, result);
            }
        }
        else if (Intrinsics.IfArgs(value) is { } args)
        {
            Add(args[1], result);
            Add(args[2], result);
        }
        else
        {
            result.Add(value);
        }
    }
}
