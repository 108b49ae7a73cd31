using SamPerms.Model.Py27;

namespace SamPerms.Model;

/// <summary>How a map applies the deep copies deferred to it (see <see cref="Node.DeferDeepCopies"/>): to its own order, then to each value as it is handed out.</summary>
public sealed partial class MapNode
{
    public override void DeferDeepCopies(int count) => _deferredCopies += count;

    public override void SettleForReading()
    {
        var entries = Entries; // applies the deferred copies, closes gaps, hands the copies on to every value
        if (_py27 is not null && _entries.Count > IndexThreshold)
        {
            _py27.PrepareLookups();
        }

        for (int i = 0; i < entries.Count; i++)
        {
            entries[i].Value.SettleForReading();
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
            var table = DeferredCopies.Apply(_py27, count);
            if (!ReferenceEquals(table, _py27))
            {
                ReorderAfterCopy(table);
            }
        }
    }

    /// <summary>The value at <paramref name="i"/>, given first the copies it is owed.</summary>
    private Node HandOut(int i)
    {
        var e = _entries[i];
        if (e.CopiesGiven != _copiesApplied)
        {
            e.Value.DeferDeepCopies(_copiesApplied - e.CopiesGiven);
            e.CopiesGiven = _copiesApplied;
            _entries[i] = e;
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
        for (int i = 0; i < _entries.Count; i++)
        {
            if (!ReferenceEquals(_entries[i].Key, RemovedKey))
            {
                HandOut(i);
            }
        }
    }

    /// <summary>Takes the table a copy gave (same keys, maybe another order) and puts the entries in its order.</summary>
    private void ReorderAfterCopy(Py27Keys table)
    {
        int n = _entries.Count;
        var from = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        var moved = System.Buffers.ArrayPool<MapEntry>.Shared.Rent(Math.Max(n, 1));
        try
        {
            table.PositionsIn(_py27!, from.AsSpan(0, n));
            var entries = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_entries);
            entries.CopyTo(moved);
            for (int i = 0; i < n; i++)
            {
                // An entry that keeps its place is not written again: each write of a reference into a big list
                // marks its memory for the next garbage collection to look through.
                if (from[i] != i)
                {
                    entries[i] = moved[from[i]];
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(from);
            Array.Clear(moved, 0, n); // the pool keeps no template alive
            System.Buffers.ArrayPool<MapEntry>.Shared.Return(moved);
        }

        _py27!.LetGo();
        _py27 = table;
    }
}
