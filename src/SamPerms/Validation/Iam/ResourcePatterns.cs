using SamPerms.Model;

namespace SamPerms.Validation.Iam;

/// <summary>
/// A statement's Resource values as ARN patterns, as far as they are known before deploy: literal text; Ref,
/// Fn::GetAtt, Fn::Sub, Fn::Join and Fn::ImportValue rendered with unknown parts as symbols
/// (<c>arn:aws:s3:::${Bucket}/*</c>, a GetAtt Arn of a template resource in its type's ARN shape). Anything else
/// (an undecided Fn::If inside a value, Fn::FindInMap, a dynamic reference) is not known: null.
/// </summary>
public static class ResourcePatterns
{
    /// <summary>The pattern of one resource value, or null when it cannot be known before deploy.</summary>
    public static string? Of(ValidationContext context, Node? node)
    {
        if (node is null || !Renderable(node))
        {
            return null;
        }

        var values = context.OutputValues;
        var text = values.Canonical(values.Render(node).Text);
        return text.Contains("{{resolve:", StringComparison.Ordinal) ? null : text;
    }

    private static bool Renderable(Node node)
    {
        switch (node)
        {
            case StringNode:
                return true;
            case MapNode m when Intrinsics.IsIntrinsic(m):
                var arg = Intrinsics.Arg(m);
                return m.Entries[0].Key switch
                {
                    "Ref" or "Fn::GetAtt" => true,
                    "Fn::ImportValue" => arg is StringNode,
                    "Fn::Sub" => arg is StringNode || (arg is SeqNode { Count: 2 } s && s[0] is StringNode && s[1] is MapNode vars && vars.Values.All(Renderable)),
                    "Fn::Join" => arg is SeqNode { Count: 2 } j && j[0] is StringNode && j[1] is SeqNode parts && parts.Items.All(Renderable),
                    _ => false,
                };
            default:
                return false;
        }
    }
}
