using SamPerms.Model.Py27;
using SamPerms.Text;

namespace SamPerms.Model;

/// <summary>A map in Python 2.7 dict order: its entries kept in the slot order of its <see cref="Py27Keys"/> table.</summary>
public sealed partial class MapNode
{
    /// <summary>A Python 2.7 dict's update: the table merges the keys, then each item is set; then the table's order.</summary>
    private void UpdatePy27(MapEntry[] items)
    {
        // While the table merges, it and the entries are out of step: find entries by their own positions here.
        var at = new Dictionary<string, int>(_count, StringComparer.Ordinal);
        for (int i = 0; i < _count; i++)
        {
            at[_items[i].Key] = i;
        }

        _py27!.Merge(items.Select(e => e.Key).ToArray());
        foreach (var item in items)
        {
            if (at.TryGetValue(item.Key, out var i))
            {
                ref var e = ref _items[i];
                e.Value = item.Value;
                e.CopiesGiven = _copiesApplied;
                Version++;
            }
            else
            {
                Version++;
                CountConditional(item.Key);
                at[item.Key] = _count;
                Append(new MapEntry(item.Key, item.Value, SourceSpan.None, item.KeyUnicode) { CopiesGiven = _copiesApplied });
                _functionKeys += IsFunctionKey(item.Key) ? 1 : 0;
            }
        }

        // The merge may have regrown the table even when every key was already here: iterate in its new order.
        ReorderAsPy27();
    }

    /// <summary>True when the map iterates in Python 2.7 dict order.</summary>
    public bool IsPy27 => _py27 is not null;

    /// <summary>A new empty map with Python 2.7 dict order (the reference's Py27Dict()).</summary>
    public static MapNode NewPy27() => new() { _py27 = new Py27Keys() };

    /// <summary><see cref="NewPy27()"/> with room for <paramref name="capacity"/> entries (its table grows as Python's would).</summary>
    public static MapNode NewPy27(int capacity) => new(capacity) { _py27 = new Py27Keys() };

    /// <summary>The reference's Py27Dict(d): a new Python 2.7 dict that merges d's keys, then sets each item.</summary>
    public static MapNode Py27From(MapNode d)
    {
        var m = NewPy27();
        m.Span = d.Span;
        m.Update(d);
        return m;
    }

    /// <summary>
    /// Puts the entries in the slot order of the Python 2.7 table, so every iteration sees that order; a big map's
    /// index follows them.
    /// </summary>
    private void ReorderAsPy27()
    {
        Compact();
        int n = _count;
        if (_py27!.Count != n)
        {
            throw new InvalidOperationException("Python 2.7 key table out of step with the map.");
        }

        if (_index is not null ? _index.Count != n : n > IndexThreshold)
        {
            BuildIndex(); // entries were added without it (an update) or the map just grew big
        }

        var order = System.Buffers.ArrayPool<string>.Shared.Rent(Math.Max(n, 1));
        try
        {
            _py27.CopyKeysTo(order);
            int first = 0;
            while (first < n && string.Equals(order[first], _items[first].Key, StringComparison.Ordinal))
            {
                first++;
            }

            // From the first entry out of place, each position takes its key's entry by a swap: found through the
            // index in a big map (which is told both new places), by a scan of the few after it in a small one. No
            // buffer of the moved entries (for a template's Resources, an array of thousands, allocated where the
            // collector counts large objects and starts a full collection when they add up).
            var entries = Slots;
            for (int i = first; i < n; i++)
            {
                var key = order[i];
                if (ReferenceEquals(entries[i].Key, key) || string.Equals(entries[i].Key, key, StringComparison.Ordinal))
                {
                    continue;
                }

                int at = _index is not null ? _index[key] : PositionIn(entries, i + 1, key);
                (entries[i], entries[at]) = (entries[at], entries[i]);
                if (_index is not null)
                {
                    _index[key] = i;
                    _index[entries[at].Key] = at;
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<string>.Shared.Return(order, clearArray: true);
        }

        _orderStale = false;
    }

    /// <summary>Where the entry of <paramref name="key"/> is among <paramref name="entries"/> from <paramref name="from"/> on.</summary>
    private static int PositionIn(Span<MapEntry> entries, int from, string key)
    {
        for (int i = from; i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException("Python 2.7 key table out of step with the map.");
    }

    /// <summary>Deferred copies applied, gaps closed, entries in the table's order: what reading in order needs.</summary>
    private void Ordered()
    {
        Settle();
        Compact();
        if (_orderStale)
        {
            ReorderAsPy27();
        }
    }
}
