using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>The resources of the template a value names: Ref, Fn::GetAtt, and ${X} / ${X.Attr} in Fn::Sub.</summary>
internal static class NamedResources
{
    public static IEnumerable<(string LogicalId, string? Attribute)> In(Node? value)
    {
        if (value is not MapNode { Count: 1 } m || !Intrinsics.IsIntrinsic(m))
        {
            yield break;
        }

        var arg = m.Entries[0].Value;
        switch (m.Entries[0].Key)
        {
            case "Ref" when arg is StringNode r:
                yield return (r.Value, null);
                break;
            case "Fn::GetAtt":
                if (arg is SeqNode { Count: 2 } s && s[0] is StringNode id && s[1] is StringNode attr)
                {
                    yield return (id.Value, attr.Value);
                }
                else if (arg is StringNode gs && gs.Value.IndexOf('.', StringComparison.Ordinal) is var dot and > 0)
                {
                    yield return (gs.Value[..dot], gs.Value[(dot + 1)..]);
                }

                break;
            case "Fn::Sub":
                var text = arg is StringNode t ? t.Value : arg is SeqNode { Count: > 0 } ss && ss[0] is StringNode t0 ? t0.Value : null;
                var bound = arg is SeqNode { Count: 2 } sv && sv[1] is MapNode vars ? vars : null;
                foreach (var (name, attribute) in SubVariables(text ?? ""))
                {
                    if (bound?.Get(name) is { } b)
                    {
                        foreach (var inner in In(b))
                        {
                            yield return inner;
                        }
                    }
                    else
                    {
                        yield return (name, attribute);
                    }
                }

                break;
        }
    }

    private static IEnumerable<(string, string?)> SubVariables(string text)
    {
        int i = 0;
        while ((i = text.IndexOf("${", i, StringComparison.Ordinal)) >= 0)
        {
            int end = text.IndexOf('}', i);
            if (end < 0)
            {
                yield break;
            }

            var name = text[(i + 2)..end];
            i = end + 1;
            if (name.StartsWith('!') || name.StartsWith("AWS::", StringComparison.Ordinal))
            {
                continue;
            }

            int dot = name.IndexOf('.', StringComparison.Ordinal);
            yield return dot < 0 ? (name, null) : (name[..dot], name[(dot + 1)..]);
        }
    }
}
