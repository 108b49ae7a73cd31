using SamPerms.Model.Py27;

namespace SamPerms.Model;

/// <summary>How a map applies the deep copies deferred to it (see <see cref="Node.DeferDeepCopies"/>): to its own order, then to each value as it is handed out.</summary>
public sealed partial class MapNode
{
    public override void DeferDeepCopies(int count) => _deferredCopies += count;

    public override void SettleForReading()
    {
        _ = Entries; // applies the deferred copies, closes gaps, puts a big map in order, hands the copies on to every value
        var slots = Slots;
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i].IsContainer)
            {
                slots[i].Value.SettleForReading(); // a scalar has nothing to settle
            }
        }
    }

    /// <summary>Applies deferred deep copies to this map's order (a Python 2.7 dict's); each value gets them when handed out.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Settle()
    {
        if (_deferredCopies != 0)
        {
            ApplyDeferredCopies();
        }
    }

    private void ApplyDeferredCopies()
    {
        int count = _deferredCopies;
        _deferredCopies = 0;
        _copiesApplied += count;
        _valuesOwed = true;
        if (_py27 is not null)
        {
            int inPlace = _py27.CopiedInPlace;
            var table = DeferredCopies.Apply(_py27, count);
            if (_index is null && !ReferenceEquals(table, _py27))
            {
                ReorderAfterCopy(table); // a small map keeps its entries in order (it has no index to find them by)
            }
            else if (!ReferenceEquals(table, _py27))
            {
                // A big map takes the new order when next read in order (see _orderStale).
                _py27.LetGo();
                _py27 = table;
                _orderStale = true;
            }
            else if (table.CopiedInPlace != inPlace)
            {
                _orderStale = true;
                if (_index is null)
                {
                    ReorderAsPy27();
                }
            }
        }
    }

    /// <summary>The value at <paramref name="i"/>, given first the copies it is owed.</summary>
    private Node HandOut(int i)
    {
        ref var e = ref _items[i];
        if (e.CopiesGiven != _copiesApplied)
        {
            if (e.IsContainer)
            {
                e.Value.DeferDeepCopies(_copiesApplied - e.CopiesGiven); // a copy of a scalar is the scalar
            }

            e.CopiesGiven = _copiesApplied;
        }

        return e.Value;
    }

    /// <summary>Every value gets the copies it is owed (before all are handed out).</summary>
    private void PassCopiesOn()
    {
        if (!_valuesOwed)
        {
            return;
        }

        _valuesOwed = false;
        for (int i = 0; i < _count; i++)
        {
            if (!ReferenceEquals(_items[i].Key, RemovedKey))
            {
                HandOut(i);
            }
        }
    }

    /// <summary>Takes the table a copy gave (same keys, maybe another order) and puts the entries in its order.</summary>
    private void ReorderAfterCopy(Py27Keys table)
    {
        int n = _count;
        var from = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        try
        {
            table.PositionsIn(_py27!, from.AsSpan(0, n));

            // The new order in place, one cycle of the permutation at a time (entry i takes the one at from[i]): only
            // the entries that move are read and written, with no copy of the whole list (each write of a reference
            // into a big list also marks its memory for the next garbage collection to look through).
            var entries = Slots;
            for (int start = 0; start < n; start++)
            {
                if (from[start] == start)
                {
                    continue;
                }

                var first = entries[start];
                int j = start;
                while (true)
                {
                    int k = from[j];
                    from[j] = j; // placed
                    if (k == start)
                    {
                        entries[j] = first;
                        break;
                    }

                    entries[j] = entries[k];
                    j = k;
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(from);
        }

        _py27!.LetGo();
        _py27 = table;
    }
}
