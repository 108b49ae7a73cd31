namespace SamPerms.Model.Py27;

/// <summary>
/// One table a deep copy's refill passes through (see <see cref="Py27RefillTrace"/>): keys inserted into a fresh
/// table of one size in a given order, kept so that a change of that order is applied to the slots it moves, not
/// by filling the table again. A fresh table has no deleted slots, so each key sits at the first slot of its probe
/// path that no earlier key took; the table is the only one where every slot a key's path passes before its own
/// is held by an earlier key, and both operations below keep that true.
/// </summary>
internal sealed class Py27RefillStage
{
    private const int PerturbShift = 5;

    private readonly int[] _slotKey; // id of the key in each slot, or -1
    private readonly List<int>?[] _passers; // ids whose probe path passes the slot before reaching their own (once per visit)
    private readonly int _mask;
    private ulong[] _hashes; // the trace's, by id

    private int[] _slotOf = []; // by id: its slot, or -1 when not in this table
    private int[] _stepOf = []; // by id: how many probes its path took before its slot
    private long[] _order = []; // by id: its place in the insertion order (only compared)
    private int[] _touchedIn = []; // by id: the round it was last moved in
    private int[] _slotBefore = []; // by id: its slot when the round began
    private readonly List<int> _touched = [];
    private int _round = 1;

    public Py27RefillStage(int size, ulong[] hashes, int capacity)
    {
        _slotKey = new int[size];
        Array.Fill(_slotKey, -1);
        _passers = new List<int>?[size];
        _mask = size - 1;
        _hashes = hashes;
        Grow(capacity, hashes);
    }

    public int Size => _slotKey.Length;

    /// <summary>Room for ids below <paramref name="capacity"/>, whose hashes the trace now keeps in <paramref name="hashes"/>.</summary>
    public void Grow(int capacity, ulong[] hashes)
    {
        _hashes = hashes;
        int old = _slotOf.Length;
        if (capacity <= old)
        {
            return;
        }

        Array.Resize(ref _slotOf, capacity);
        Array.Resize(ref _stepOf, capacity);
        Array.Resize(ref _order, capacity);
        Array.Resize(ref _touchedIn, capacity);
        Array.Resize(ref _slotBefore, capacity);
        Array.Fill(_slotOf, -1, old, capacity - old);
    }

    public int SlotOf(int id) => _slotOf[id];

    internal long OrderOf(int id) => _order[id];

    public bool Holds(int id) => _slotOf[id] >= 0;

    /// <summary>Starts a round of changes: <see cref="Moved"/> then lists the keys whose slot the round changed.</summary>
    public void BeginRound()
    {
        _round++;
        _touched.Clear();
    }

    /// <summary>Every key moved, added or taken out since <see cref="BeginRound"/> (some may be back where they were).</summary>
    public List<int> Touched => _touched;

    public bool Moved(int id) => _slotBefore[id] != _slotOf[id];

    private void Touch(int id)
    {
        if (_touchedIn[id] != _round)
        {
            _touchedIn[id] = _round;
            _slotBefore[id] = _slotOf[id];
            _touched.Add(id);
        }
    }

    private static int Probe(ref ulong walker, ref ulong perturb, int mask)
    {
        walker = unchecked((walker << 2) + walker + perturb + 1);
        perturb >>= PerturbShift;
        return (int)(walker & (ulong)mask);
    }

    /// <summary>Adds a key at <paramref name="order"/>: it takes the first slot no earlier key holds, moving a later key on.</summary>
    public void Insert(int id, long order)
    {
        _order[id] = order;
        Touch(id);
        int cur = id;
        ulong h = _hashes[cur];
        int step = 0;
        int slot = (int)(h & (ulong)_mask);
        ulong walker = (ulong)slot;
        ulong perturb = h;
        while (true)
        {
            int held = _slotKey[slot];
            if (held < 0)
            {
                Place(cur, slot, step);
                return;
            }

            if (_order[held] < _order[cur])
            {
                AddPasser(slot, cur);
                slot = Probe(ref walker, ref perturb, _mask);
                step++;
                continue;
            }

            // A later key held the slot: this key takes it, and the later one goes on along its own path.
            Touch(held);
            int heldStep = _stepOf[held];
            Place(cur, slot, step);
            AddPasser(slot, held);
            cur = held;
            h = _hashes[cur];
            slot = (int)(h & (ulong)_mask);
            walker = (ulong)slot;
            perturb = h;
            for (step = 0; step <= heldStep; step++)
            {
                slot = Probe(ref walker, ref perturb, _mask);
            }

            step = heldStep + 1;
        }
    }

    /// <summary>Takes a key out: the earliest key that passed its slot moves back into it, and so on along the chain.</summary>
    public void Remove(int id)
    {
        int hole = _slotOf[id];
        Touch(id);
        Unpass(id, 0, _stepOf[id]);
        _slotOf[id] = -1;
        _slotKey[hole] = -1;
        while (_passers[hole] is { Count: > 0 } candidates)
        {
            int first = candidates[0];
            for (int i = 1; i < candidates.Count; i++)
            {
                if (_order[candidates[i]] < _order[first])
                {
                    first = candidates[i];
                }
            }

            // It stops at its first visit of the hole and passes none of the slots after it any more.
            Touch(first);
            int from = _slotOf[first];
            int fromStep = _stepOf[first];
            int holeStep = StepOf(first, hole);
            Unpass(first, holeStep, fromStep);
            Place(first, hole, holeStep);
            _slotKey[from] = -1;
            hole = from;
        }
    }

    private void Place(int id, int slot, int step)
    {
        _slotKey[slot] = id;
        _slotOf[id] = slot;
        _stepOf[id] = step;
    }

    /// <summary>The first step at which the key's probe path reaches <paramref name="slot"/>.</summary>
    private int StepOf(int id, int slot)
    {
        ulong h = _hashes[id];
        int s = (int)(h & (ulong)_mask);
        ulong walker = (ulong)s;
        ulong perturb = h;
        int step = 0;
        while (s != slot)
        {
            s = Probe(ref walker, ref perturb, _mask);
            step++;
        }

        return step;
    }

    /// <summary>The key no longer passes the slots of its path from step <paramref name="from"/> up to (not including) step <paramref name="until"/>.</summary>
    private void Unpass(int id, int from, int until)
    {
        ulong h = _hashes[id];
        int s = (int)(h & (ulong)_mask);
        ulong walker = (ulong)s;
        ulong perturb = h;
        for (int step = 0; step < until; step++)
        {
            if (step >= from)
            {
                _passers[s]!.Remove(id);
            }

            s = Probe(ref walker, ref perturb, _mask);
        }
    }

    private void AddPasser(int slot, int id) => (_passers[slot] ??= new List<int>(2)).Add(id);

}
