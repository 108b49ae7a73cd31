using SamPerms.Text;

namespace SamPerms.Model;

/// <summary>
/// Source span → template path (<c>Resources.Fn.Properties.Policies[1]</c>), the one mapping from a place in the
/// file to the value there. The transform copies input nodes into its output with their spans. An index of every
/// node as read tells whether an output node's span really is a place in this template (embedded data such as
/// policy templates carries spans of its own files) and what path that place has; <see cref="Containing"/> finds
/// the innermost value of a subtree a span lies in (a grant's span leads back to the line that caused it).
/// </summary>
public sealed class SourceIndex
{
    // Every node as read, with where it hangs (its parent's place and its key or item number): a path is written
    // only when asked for, not for each of the hundreds of thousands of nodes of a big template.
    // Both sized for every node at once (counted first): a big template's index is not grown by copies, each a large
    // object the collector would count toward a full collection.
    private readonly List<Place> _places;
    private readonly Dictionary<SourceSpan, int> _bySpan;

    private readonly record struct Place(Node Node, int Parent, string? Key, int Item);

    public SourceIndex(Node? root)
    {
        int count = root is null ? 0 : CountNodes(root);
        _places = new List<Place>(count);
        _bySpan = new Dictionary<SourceSpan, int>(count);
        if (root is not null)
        {
            Walk(root, -1, null, 0);
        }
    }

    private static int CountNodes(Node node)
    {
        int count = 1;
        switch (node)
        {
            case MapNode m:
                foreach (var e in m.Entries)
                {
                    count += e.IsContainer ? CountNodes(e.Value) : 1;
                }

                break;
            case SeqNode s:
                for (int i = 0; i < s.Count; i++)
                {
                    count += CountNodes(s[i]);
                }

                break;
        }

        return count;
    }

    /// <summary>The path of a node read from this template; null when the node does not come from it.</summary>
    public string? PathOf(Node? node) => PlaceOf(node) is { } at ? PathAt(at) : null;

    /// <summary>Whether the node comes from this template (same place, same kind of value).</summary>
    public bool IsFromTemplate(Node? node) => PlaceOf(node) is not null;

    /// <summary>Where a node read from this template was indexed; null when the node does not come from it.</summary>
    private int? PlaceOf(Node? node) =>
        node is not null && node.Span.IsKnown && _bySpan.TryGetValue(node.Span, out var at) && SameValue(_places[at].Node, node) ? at : null;

    /// <summary>The path and node of the value read at exactly this span.</summary>
    public (string Path, Node Node)? At(SourceSpan span) => _bySpan.TryGetValue(span, out var at) ? (PathAt(at), _places[at].Node) : null;

    private string PathAt(int at)
    {
        var place = _places[at];
        if (place.Parent < 0)
        {
            return "";
        }

        var parent = PathAt(place.Parent);
        return place.Key is { } key ? Child(parent, key) : Item(parent, place.Item);
    }

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>
    /// The innermost value under <paramref name="root"/> whose span contains (or starts where) <paramref name="span"/>
    /// does, with its path relative to <paramref name="root"/> (<c>Policies[1]</c>, <c>Events.Upload.Properties.Bucket</c>).
    /// </summary>
    public static (string Path, Node Node)? Containing(Node root, SourceSpan span)
    {
        if (!span.IsKnown || !Contains(root.Span, span))
        {
            return null;
        }

        string path = "";
        var node = root;
        while (true)
        {
            (string Path, Node Child)? next = null;
            switch (node)
            {
                case MapNode m:
                    foreach (var e in m.Entries)
                    {
                        if (Contains(e.Value.Span, span) || SameStart(e.Value.Span, span))
                        {
                            next = (Child(path, e.Key), e.Value);
                            break;
                        }
                    }

                    break;
                case SeqNode s:
                    for (int i = 0; i < s.Count; i++)
                    {
                        if (Contains(s[i].Span, span) || SameStart(s[i].Span, span))
                        {
                            next = (Item(path, i), s[i]);
                            break;
                        }
                    }

                    break;
            }

            if (next is null || ReferenceEquals(next.Value.Child, node))
            {
                return (path, node);
            }

            path = next.Value.Path;
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

    private void Walk(Node node, int parent, string? key, int item)
    {
        int self = _places.Count;
        _places.Add(new Place(node, parent, key, item));
        if (node.Span.IsKnown)
        {
            _bySpan.TryAdd(node.Span, self);
        }

        switch (node)
        {
            case MapNode m:
                foreach (var e in m.Entries)
                {
                    Walk(e.Value, self, e.Key, 0);
                }

                break;
            case SeqNode s:
                for (int i = 0; i < s.Count; i++)
                {
                    Walk(s[i], self, null, i);
                }

                break;
        }
    }

    private static bool SameValue(Node read, Node other)
    {
        if (ReferenceEquals(read, other))
        {
            return true;
        }

        if (read.Kind != other.Kind)
        {
            return false;
        }

        return read switch
        {
            // The transform may widen a value read from the template in place (a managed policy name becomes its ARN).
            StringNode s => ((StringNode)other).Value.EndsWith(s.Value, StringComparison.Ordinal),
            IntNode i => i.Text == ((IntNode)other).Text,
            MapNode or SeqNode => true,
            _ => read.ToString() == other.ToString(),
        };
    }
}
