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
    private readonly int[] _slotKey; // id of the key in each slot, or -1
    private readonly int _mask;

    // The keys whose probe path passes a slot before reaching their own (once per visit): a list per slot, its nodes
    // in two arrays shared by all slots (a list per slot made a small object for every slot a key ever passed).
    private readonly int[] _passHead; // by slot: its first node, or -1
    private int[] _passId = new int[64]; // by node: the key
    private int[] _passNext = new int[64]; // by node: the next node of its slot's list (or of the free nodes), or -1
    private int _passFree = -1;
    private int _passUsed;
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
        _passHead = new int[size];
        Array.Fill(_passHead, -1);
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
                slot = Py27Keys.NextSlot(ref walker, ref perturb, _mask);
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
                slot = Py27Keys.NextSlot(ref walker, ref perturb, _mask);
            }

            step = heldStep + 1;
        }
    }

    /// <summary>Takes a key out: the earliest key that passed its slot moves back into it, and so on along the chain.</summary>
    public void Remove(int id)
    {
        int hole = _slotOf[id];
        Touch(id);
        Unpass(id, -1, _stepOf[id]);
        _slotOf[id] = -1;
        _slotKey[hole] = -1;
        while (_passHead[hole] >= 0)
        {
            int first = _passId[_passHead[hole]];
            for (int node = _passNext[_passHead[hole]]; node >= 0; node = _passNext[node])
            {
                if (_order[_passId[node]] < _order[first])
                {
                    first = _passId[node];
                }
            }

            // It stops at its first visit of the hole and passes none of the slots after it any more.
            Touch(first);
            int from = _slotOf[first];
            int holeStep = Unpass(first, hole, _stepOf[first]);
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

    /// <summary>
    /// The key no longer passes the slots of its path before step <paramref name="until"/> from its first visit of
    /// <paramref name="from"/> on (all of them when <paramref name="from"/> is -1); returns the step of that visit.
    /// </summary>
    private int Unpass(int id, int from, int until)
    {
        ulong h = _hashes[id];
        int s = (int)(h & (ulong)_mask);
        ulong walker = (ulong)s;
        ulong perturb = h;
        int fromStep = from < 0 ? 0 : -1;
        for (int step = 0; step < until; step++)
        {
            if (fromStep < 0 && s == from)
            {
                fromStep = step;
            }

            if (fromStep >= 0)
            {
                RemovePasser(s, id);
            }

            s = Py27Keys.NextSlot(ref walker, ref perturb, _mask);
        }

        return fromStep < 0 ? until : fromStep;
    }

    private void AddPasser(int slot, int id)
    {
        int node = _passFree;
        if (node >= 0)
        {
            _passFree = _passNext[node];
        }
        else
        {
            node = _passUsed++;
            if (node == _passId.Length)
            {
                Array.Resize(ref _passId, node * 2);
                Array.Resize(ref _passNext, node * 2);
            }
        }

        _passId[node] = id;
        _passNext[node] = _passHead[slot];
        _passHead[slot] = node;
    }

    /// <summary>Takes one visit of the key out of the slot's passers (the key is among them).</summary>
    private void RemovePasser(int slot, int id)
    {
        int previous = -1;
        int node = _passHead[slot];
        while (_passId[node] != id)
        {
            previous = node;
            node = _passNext[node];
        }

        if (previous < 0)
        {
            _passHead[slot] = _passNext[node];
        }
        else
        {
            _passNext[previous] = _passNext[node];
        }

        _passNext[node] = _passFree;
        _passFree = node;
    }
}
