using SamPerms.Model;
using SamPerms.Text;

namespace SamPerms.Permissions;

/// <summary>
/// Finds which property of a template resource a source span lies in, as a path such as
/// <c>Policies[1]</c> or <c>Events.Upload.Properties.Bucket</c>. Nodes copied into the output keep the
/// span they were read at, so a grant's span leads back to the line that caused it.
/// </summary>
public static class SpanPaths
{
    public static (string Path, Node Node)? Find(Node root, SourceSpan span)
    {
        if (!span.IsKnown || !Contains(root.Span, span))
        {
            return null;
        }

        string path = "";
        var node = root;
        while (true)
        {
            (string Step, Node Child)? next = null;
            switch (node)
            {
                case MapNode m:
                    foreach (var e in m.Entries)
                    {
                        if (Contains(e.Value.Span, span) || SameStart(e.Value.Span, span))
                        {
                            next = (path.Length == 0 ? e.Key : "." + e.Key, e.Value);
                            break;
                        }
                    }

                    break;
                case SeqNode s:
                    for (int i = 0; i < s.Count; i++)
                    {
                        if (Contains(s[i].Span, span) || SameStart(s[i].Span, span))
                        {
                            next = ($"[{i}]", s[i]);
                            break;
                        }
                    }

                    break;
            }

            if (next is null || ReferenceEquals(next.Value.Child, node))
            {
                return (path, node);
            }

            path += next.Value.Step;
            node = next.Value.Child;
            if (node.Span == span)
            {
                return (path, node);
            }
        }
    }

    private static bool SameStart(SourceSpan a, SourceSpan b) => a.IsKnown && a.Line == b.Line && a.Column == b.Column;

    private static bool Contains(SourceSpan outer, SourceSpan inner)
    {
        if (!outer.IsKnown)
        {
            return false;
        }

        bool startsBefore = outer.Line < inner.Line || (outer.Line == inner.Line && outer.Column <= inner.Column);
        bool endsAfter = outer.EndLine > inner.EndLine || (outer.EndLine == inner.EndLine && outer.EndColumn >= inner.EndColumn);
        return startsBefore && endsAfter;
    }
}
