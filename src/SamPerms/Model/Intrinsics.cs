namespace SamPerms.Model;

/// <summary>Recognising CloudFormation intrinsic functions in a node tree, as SAM recognises them.</summary>
public static class Intrinsics
{
    /// <summary>A one-key map whose key is Ref, Condition or Fn::*.</summary>
    public static bool IsIntrinsic(Node? node)
    {
        if (node is MapNode { Count: 1 } m)
        {
            var key = m.Entries[0].Key;
            return key is "Ref" or "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal);
        }

        return false;
    }

    public static string? FunctionName(Node? node) => IsIntrinsic(node) ? ((MapNode)node!).Entries[0].Key : null;

    public static bool Is(Node? node, string function) =>
        node is MapNode { Count: 1 } m && m.Entries[0].Key == function;

    public static bool IsIf(Node? node) => Is(node, "Fn::If");

    public static bool IsRef(Node? node) => Is(node, "Ref");

    public static bool IsSub(Node? node) => Is(node, "Fn::Sub");

    public static bool IsNoValue(Node? node) => IsRef(node) && ((MapNode)node!).Entries[0].Value.Str == "AWS::NoValue";

    /// <summary>The argument of a one-key intrinsic.</summary>
    public static Node Arg(Node node) => ((MapNode)node).Entries[0].Value;

    /// <summary>The logical id named by a Ref or GetAtt, as SAM's get_logical_id_from_intrinsic reads it.</summary>
    public static string? LogicalIdOf(Node? node)
    {
        if (!IsIntrinsic(node))
        {
            return null;
        }

        var m = (MapNode)node!;
        if (m.Get("Ref") is StringNode r)
        {
            return r.Value;
        }

        var g = m.Get("Fn::GetAtt");
        if (g is SeqNode { Count: 2 } s && s[0] is StringNode first)
        {
            return first.Value;
        }

        if (g is StringNode gs)
        {
            var parts = gs.Value.Split('.');
            if (parts.Length == 2)
            {
                return parts[0];
            }
        }

        return null;
    }

    /// <summary>Fn::If arguments when well formed (three items), else null.</summary>
    public static SeqNode? IfArgs(Node? node) =>
        IsIf(node) && Arg(node!) is SeqNode { Count: 3 } s ? s : null;
}
