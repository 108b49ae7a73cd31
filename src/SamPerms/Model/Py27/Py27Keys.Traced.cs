namespace SamPerms.Model.Py27;

/// <summary>
/// Deep copies of a big table through its <see cref="Py27RefillTrace"/>: the copy is kept in a table of its own, and
/// each further copy moves in it only the keys whose slot changed since the last copy. The reference copies an API
/// definition for every event, and its paths table swaps colliding keys back and forth from copy to copy: the two
/// tables (or the one, when a copy changes nothing) are kept, each the other's copy, and an added path costs the
/// keys it moves, not a refill of every path.
/// </summary>
public sealed partial class Py27Keys
{
    /// <summary>The table after one deep copy of this one, or null when this table is not traced (the caller refills).</summary>
    internal Py27Keys? TracedCopy()
    {
        if (_size < TracedFrom || _fill != _size)
        {
            return null;
        }

        if (_trace is null)
        {
            _trace = Py27RefillTrace.Build(_table, _hashes, _size, Dummy);
            if (_trace is null)
            {
                return null;
            }
        }

        var moves = _trace.Copy();
        if (moves is null)
        {
            DropTrace();
            return null;
        }

        if (_copyTable is { } kept)
        {
            kept.Move(moves);
            return kept;
        }

        return FirstCopy();
    }

    /// <summary>
    /// The first copy through the trace, written out whole, and the table kept for the copies after it: this table
    /// when the copy gives it back, else the table this one was copied from (moved to the copy's slots: copies that
    /// swap keys back and forth then move those few keys, whatever keys are added between), else a new table.
    /// </summary>
    private Py27Keys FirstCopy()
    {
        var copy = new Py27Keys { _table = new string?[_table.Length], _hashes = new ulong[_table.Length], _size = _size, _fill = _size };
        _trace!.WriteCopy(copy._table, copy._hashes);
        if (copy.SameTable(this))
        {
            _copyTable = this;
        }
        else if (_copiedFrom is { } from && ReferenceEquals(from._copyTable, this) && from._trace is not null && from._table.Length == _table.Length)
        {
            var moves = new List<(string, ulong, int)>();
            for (int slot = 0; slot < copy._table.Length; slot++)
            {
                if (copy._table[slot] is { } key && !(from._table[slot] is { } there && string.Equals(there, key, StringComparison.Ordinal)))
                {
                    moves.Add((key, copy._hashes[slot], slot));
                }
            }

            from.Move(moves);
            _copyTable = from;
        }
        else
        {
            copy._copiedFrom = this;
            _copyTable = copy;
        }

        return _copyTable;
    }

    /// <summary>Puts keys at the slots a copy gave them (keys this table lacks come in); the keys they displace are among them.</summary>
    private void Move(List<(string Key, ulong Hash, int To)> moves)
    {
        if (moves.Count == 0)
        {
            return;
        }

        Changing();
        CopiedInPlace++;
        var at = new int[moves.Count];
        for (int i = 0; i < moves.Count; i++)
        {
            var (key, hash, _) = moves[i];
            int slot = IndexFor(key, hash);
            at[i] = Same(_table[slot], key) ? slot : -1;
        }

        for (int i = 0; i < moves.Count; i++)
        {
            if (at[i] >= 0)
            {
                _table[at[i]] = null;
                CountSlot(at[i], -1);
            }
            else
            {
                _size++;
                _fill++;
            }
        }

        foreach (var (key, hash, to) in moves)
        {
            _table[to] = key;
            _hashes[to] = hash;
            CountSlot(to, 1);
            _trace?.Changed(key, hash, to);
        }
    }

    /// <summary>This table changed in a way no trace follows (a removal, a growth): it and the tables linked to it as copies forget each other.</summary>
    private void DropTrace()
    {
        _trace = null;
        if (_copiedFrom is { } from && ReferenceEquals(from._copyTable, this))
        {
            from._copyTable = null;
        }

        if (_copyTable is { } copy && !ReferenceEquals(copy, this) && ReferenceEquals(copy._copyTable, this))
        {
            copy._copyTable = null;
        }

        _copyTable = null;
        _copiedFrom = null;
    }
}
