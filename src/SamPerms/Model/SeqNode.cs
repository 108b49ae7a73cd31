using System.Collections;

namespace SamPerms.Model;

public sealed class SeqNode : Node, IEnumerable<Node>
{
    public SeqNode() => Items = [];

    public SeqNode(IEnumerable<Node> items) => Items = [.. items];

    public List<Node> Items { get; }

    public override NodeKind Kind => NodeKind.Seq;

    public int Count => Items.Count;

    public Node this[int index]
    {
        get => Items[index];
        set => Items[index] = value;
    }

    public SeqNode Add(Node item)
    {
        Items.Add(item);
        return this;
    }

    public override Node Clone()
    {
        var s = new SeqNode { Span = Span };
        s.Items.Capacity = Items.Count;
        foreach (var n in Items)
        {
            s.Items.Add(n.Clone());
        }

        return s;
    }

    public IEnumerator<Node> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
