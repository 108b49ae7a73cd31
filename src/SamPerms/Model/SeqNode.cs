using System.Collections;

namespace SamPerms.Model;

public sealed class SeqNode : Node, IEnumerable<Node>
{
    private readonly List<Node> _items;
    private int _deferredCopies;

    public SeqNode() => _items = [];

    public SeqNode(IEnumerable<Node> items) => _items = [.. items];

    public SeqNode(int capacity) => _items = new List<Node>(capacity);

    /// <summary>The items (any deep copies deferred to this list are first passed on to them).</summary>
    public List<Node> Items
    {
        get
        {
            if (_deferredCopies != 0)
            {
                _deferredCopies = DeferredCopies.PassOn(_deferredCopies, _items);
            }

            return _items;
        }
    }

    public override NodeKind Kind => NodeKind.Seq;

    public int Count => _items.Count;

    public override void DeferDeepCopies(int count) => _deferredCopies += count;

    public override void SettleForReading()
    {
        foreach (var item in Items)
        {
            item.SettleForReading();
        }
    }

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
