namespace SamPerms.Model;

/// <summary>
/// The items of one list, found by Python equality (<see cref="Py.Equal"/>) through a table of their
/// <see cref="Py.Hash"/>: what <c>item in list</c> and <c>set(list)</c> ask of a list that grows one item at a
/// time, at the cost of the item asked about instead of a pass over the list. Items are added through
/// <see cref="AddIfMissing"/>; a list changed any other way no longer <see cref="Follows"/> its index.
/// </summary>
public sealed class PyListIndex
{
    private readonly SeqNode _list;
    private readonly Dictionary<int, List<Node>> _byHash = [];
    private SeqMark _mark;

    public PyListIndex(SeqNode list)
    {
        _list = list;
        foreach (var item in list.Items)
        {
            Index(item);
        }

        _mark = SeqMark.Of(list);
    }

    /// <summary>The list is as this index left it (no item added, removed or replaced at its end by anyone else).</summary>
    public bool Follows(SeqNode list) => ReferenceEquals(list, _list) && _mark.Matches(list);

    /// <summary>Python's <c>item in list</c>.</summary>
    public bool Contains(Node item) =>
        _byHash.TryGetValue(Py.Hash(item), out var same) && same.Exists(x => Py.Equal(x, item));

    /// <summary>Appends <paramref name="item"/> unless an equal one is there already; returns whether it did.</summary>
    public bool AddIfMissing(Node item)
    {
        if (Contains(item))
        {
            return false;
        }

        _list.Add(item);
        Index(item);
        _mark = SeqMark.Of(_list);
        return true;
    }

    private void Index(Node item)
    {
        int hash = Py.Hash(item);
        if (!_byHash.TryGetValue(hash, out var same))
        {
            _byHash[hash] = same = new List<Node>(1);
        }

        same.Add(item);
    }
}
