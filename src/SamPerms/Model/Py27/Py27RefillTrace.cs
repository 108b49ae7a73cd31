namespace SamPerms.Model.Py27;

/// <summary>
/// What a deep copy does to a big Python 2.7 table, kept from one copy to the next so that a copy costs what changed
/// since the last one (a key added, the keys the last copy moved), not the size of the table. The reference copies
/// an API definition for every event, so its paths table is refilled once per event at least: refilled from scratch,
/// that cost grows with the number of events for each event.
/// </summary>
/// <remarks>
/// A copy inserts the keys, in the source table's slot order, into a fresh table that grows through sizes 8, 32,
/// 128, ...; each growth re-inserts the keys so far in the smaller table's slot order. So the table of each size (a
/// <see cref="Py27RefillStage"/>) is filled with the previous stage's keys in that stage's slot order, then with the
/// next keys of the source in source order; which source keys a stage takes depends only on their rank in the
/// source. A change of the source moves few keys of each stage, and the moves of one stage are the order changes of
/// the next. The trace serves while the source has no deleted slot and has the size of the copy's last stage.
/// </remarks>
internal sealed class Py27RefillTrace
{
    private readonly Py27RefillStage[] _stages;
    private readonly int[] _bounds; // for each stage but the last: the source rank (from 1) of the last key it takes from the source
    private readonly int _limit; // the key count at which the last stage would grow
    private readonly Dictionary<string, int> _ids;
    private string[] _keys;
    private ulong[] _hashes;
    private int[] _src; // by id: its slot in the source
    private int[] _first; // by id: the stage whose own inserts include it
    private int _count;
    private readonly int[] _srcKey; // by source slot: its key's id, or -1
    private readonly Py27SlotRanks _ranks; // the source slots holding a key, and their ranks in source order
    private readonly List<int>[] _dirty; // by stage: ids whose place in its insertion order changed, each once
    private readonly int[][] _dirtyIn; // by stage, by id: the copy it was last listed in
    private int _copies;
    private readonly List<(string Key, ulong Hash, int To)> _moves = [];
    private readonly List<int> _pending = []; // ids of the keys moved or added since the last copy, each once
    private int[] _pendingSlot; // by id: its new source slot when pending, else -1

    private Py27RefillTrace(List<int> sizes, List<int> bounds, int limit, int sourceSize, int capacity)
    {
        _bounds = bounds.ToArray();
        _limit = limit;
        _ids = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _keys = new string[capacity];
        _hashes = new ulong[capacity];
        _src = new int[capacity];
        _first = new int[capacity];
        _pendingSlot = new int[capacity];
        Array.Fill(_pendingSlot, -1);
        _srcKey = new int[sourceSize];
        Array.Fill(_srcKey, -1);
        _ranks = new Py27SlotRanks(sourceSize);
        _stages = sizes.Select(size => new Py27RefillStage(size, _hashes, capacity)).ToArray();
        _dirty = sizes.Select(_ => new List<int>()).ToArray();
        _dirtyIn = sizes.Select(_ => new int[capacity]).ToArray();
    }

    /// <summary>The trace of a copy of the table (slots, their hashes); null when it would not serve (see the remarks).</summary>
    public static Py27RefillTrace? Build(string?[] table, ulong[] hashes, int count, string dummy)
    {
        // The sizes a fresh table grows through while the keys are inserted, as Py27Keys.Insert grows.
        var sizes = new List<int> { 8 };
        var bounds = new List<int>();
        int size = 8;
        int limit = 1;
        for (; ; limit++)
        {
            if (limit * 3 >= size * 2)
            {
                if (limit > count)
                {
                    break;
                }

                bounds.Add(limit);
                size = Py27Keys.SizeFor(limit * (limit > Py27Keys.LargeDictSizeThreshold ? 2 : 4));
                sizes.Add(size);
            }
        }

        if (size != table.Length)
        {
            return null;
        }

        var trace = new Py27RefillTrace(sizes, bounds, limit, table.Length, Math.Max(16, count + count / 2));
        for (int slot = 0; slot < table.Length; slot++)
        {
            if (table[slot] is not { } key)
            {
                continue;
            }

            if (ReferenceEquals(key, dummy))
            {
                return null;
            }

            int id = trace.NewId(key, hashes[slot]);
            trace.SetSource(id, slot);
            trace._first[id] = trace.StageOfRank(trace._ranks.Rank(slot));
        }

        trace.Fill();
        return trace;
    }

    /// <summary>A key of the source is now at <paramref name="slot"/> (a new key, or one moved).</summary>
    public void Changed(string key, ulong hash, int slot)
    {
        if (!_ids.TryGetValue(key, out int id))
        {
            id = NewId(key, hash);
            _src[id] = -1;
            _first[id] = int.MaxValue;
        }

        if (_pendingSlot[id] < 0)
        {
            _pending.Add(id);
        }

        _pendingSlot[id] = slot;
    }

    /// <summary>
    /// The copy of the source as it is now: the keys whose slot in the copy changed since the last copy (new keys
    /// included), with their new slots. Null when the trace no longer serves (the copy would grow beyond the size
    /// of the source).
    /// </summary>
    public List<(string Key, ulong Hash, int To)>? Copy()
    {
        if (_count >= _limit)
        {
            return null;
        }

        _copies++;
        // The source changes: every changed key is taken out of the source ranks, then put back at its new slot.
        foreach (int id in _pending)
        {
            if (_src[id] >= 0)
            {
                int rank = _ranks.Rank(_src[id]);
                _ranks.Clear(_src[id]);
                _srcKey[_src[id]] = -1;
                _src[id] = -1;
                FixBounds(rank);
            }
        }

        foreach (int id in _pending)
        {
            int slot = _pendingSlot[id];
            _pendingSlot[id] = -1;
            SetSource(id, slot);
            int rank = _ranks.Rank(slot);
            SetFirst(id, StageOfRank(rank), always: true);
            FixBounds(rank);
        }

        _pending.Clear();
        for (int s = 0; s < _stages.Length; s++)
        {
            var stage = _stages[s];
            stage.BeginRound();

            // All out first, then back in: while in, a key's order must be its current one (orders stay distinct).
            foreach (int id in _dirty[s])
            {
                if (stage.Holds(id))
                {
                    stage.Remove(id);
                }
            }

            foreach (int id in _dirty[s])
            {
                if (_first[id] <= s)
                {
                    stage.Insert(id, OrderIn(s, id));
                }
            }

            _dirty[s].Clear();
            if (s + 1 < _stages.Length)
            {
                foreach (int id in stage.Touched)
                {
                    if (stage.Moved(id))
                    {
                        MarkDirty(s + 1, id);
                    }
                }
            }
        }

        var last = _stages[^1];
        _moves.Clear(); // the caller is done with the last copy's moves
        foreach (int id in last.Touched)
        {
            if (last.Moved(id))
            {
                _moves.Add((_keys[id], _hashes[id], last.SlotOf(id)));
            }
        }

        return _moves;
    }

    /// <summary>Writes the copy (the last stage) into slot arrays of its size.</summary>
    public void WriteCopy(string?[] table, ulong[] hashes)
    {
        var last = _stages[^1];
        for (int id = 0; id < _count; id++)
        {
            int slot = last.SlotOf(id);
            table[slot] = _keys[id];
            hashes[slot] = _hashes[id];
        }
    }

    /// <summary>The stages filled from scratch, each in its insertion order.</summary>
    private void Fill()
    {
        for (int s = 0; s < _stages.Length; s++)
        {
            var inOrder = new List<(long Order, int Id)>();
            for (int id = 0; id < _count; id++)
            {
                if (_first[id] <= s)
                {
                    inOrder.Add((OrderIn(s, id), id));
                }
            }

            inOrder.Sort();
            foreach (var (order, id) in inOrder)
            {
                _stages[s].Insert(id, order);
            }
        }
    }

    /// <summary>A key's place in stage <paramref name="s"/>'s insertion order: its slot in the stage before, else after them all, its source slot.</summary>
    private long OrderIn(int s, int id) =>
        _first[id] == s ? (s == 0 ? 0L : _stages[s - 1].Size) + _src[id] : _stages[s - 1].SlotOf(id);

    private int NewId(string key, ulong hash)
    {
        int id = _count++;
        if (id == _keys.Length)
        {
            int capacity = _keys.Length * 2;
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _hashes, capacity);
            Array.Resize(ref _src, capacity);
            Array.Resize(ref _first, capacity);
            Array.Resize(ref _pendingSlot, capacity);
            Array.Fill(_pendingSlot, -1, id, capacity - id);
            foreach (var stage in _stages)
            {
                stage.Grow(capacity, _hashes);
            }

            for (int s = 0; s < _dirtyIn.Length; s++)
            {
                Array.Resize(ref _dirtyIn[s], capacity);
            }
        }

        _ids[key] = id;
        _keys[id] = key;
        _hashes[id] = hash;
        return id;
    }

    private void SetSource(int id, int slot)
    {
        _src[id] = slot;
        _srcKey[slot] = id;
        _ranks.Set(slot);
    }

    /// <summary>A key's first stage; a key whose first stage changes (or, <paramref name="always"/>, whose source slot did) is marked for the stages to redo it.</summary>
    private void SetFirst(int id, int stage, bool always = false)
    {
        int old = _first[id];
        if (old == stage && !always)
        {
            return;
        }

        // Marked where it was and where it goes (it may have passed through other stages on the way, unprocessed):
        // a stage it left or joins moves it, and that move marks it in the stages after.
        _first[id] = stage;
        MarkDirty(stage, id);
        if (old < _stages.Length)
        {
            MarkDirty(old, id);
        }
    }

    private void MarkDirty(int stage, int id)
    {
        if (_dirtyIn[stage][id] != _copies)
        {
            _dirtyIn[stage][id] = _copies;
            _dirty[stage].Add(id);
        }
    }

    /// <summary>
    /// After one key joined or left the source ranks at <paramref name="changed"/>, at most the key at each side of each
    /// stage bound from there on changed stage (the keys ranked before it kept their ranks).
    /// </summary>
    private void FixBounds(int changed)
    {
        for (int s = _bounds.Length - 1; s >= 0 && _bounds[s] + 1 >= changed; s--)
        {
            int slot = _ranks.SlotOfRank(_bounds[s]);
            if (slot < 0)
            {
                continue; // fewer keys than the bound: none after it either
            }

            SetFirst(_srcKey[slot], s);
            while (++slot < _srcKey.Length)
            {
                if (_srcKey[slot] >= 0)
                {
                    SetFirst(_srcKey[slot], s + 1);
                    break;
                }
            }
        }
    }

    private int StageOfRank(int rank)
    {
        for (int s = 0; s < _bounds.Length; s++)
        {
            if (rank <= _bounds[s])
            {
                return s;
            }
        }

        return _bounds.Length;
    }
}
