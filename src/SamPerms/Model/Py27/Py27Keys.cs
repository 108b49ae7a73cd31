namespace SamPerms.Model.Py27;

/// <summary>
/// The slot table of a Python 2.7 dict (dictobject.c), tracking only keys: where each key lands decides the
/// order the dict iterates in, and that order depends on the history of inserts, deletes and resizes. A port of
/// the reference's Py27Keys (utils/py27hash_fix.py).
/// </summary>
public sealed partial class Py27Keys
{
    private const int MinSize = 8;
    private const int PerturbShift = 5;
    internal const int LargeDictSizeThreshold = 50000;

    // From this many keys a table keeps what its copies do (a Py27RefillTrace) instead of refilling a new table each time.
    private const int TracedFrom = 64;

    // Marks a deleted slot; compared by reference, never equal to a real key.
    private static readonly string Dummy = new(['<', 'd', 'u', 'm', 'm', 'y', '>']);

    private string?[] _table = new string?[MinSize];

    // Each occupied slot's string hash, so that a resize or a copy re-inserts without hashing again.
    private ulong[] _hashes = new ulong[MinSize];

    // A Fenwick tree over the slots counting the keys (not deleted slots): a key's position in iteration order is
    // the count before its slot, kept up to date by inserts and deletes in O(log size).
    private int[] _counts = [];
    private bool _countsKnown;
    private int _size;
    private int _fill;

    // What a copy of this table does (see TracedCopy), and the table the copy is kept in: this table itself when a
    // copy changes nothing, the table this one was copied from when copies swap keys back and forth, else a new one.
    private Py27RefillTrace? _trace;
    private Py27Keys? _copyTable;
    private Py27Keys? _copiedFrom;

    /// <summary>How many times a copy moved keys of this very table (when a copy of it gives it back, but for a few keys).</summary>
    internal int CopiedInPlace { get; private set; }

    private int Mask => _table.Length - 1;

    /// <summary>
    /// Known: inserting these keys, in their iteration order, into a new table gives this very table (so a deep
    /// copy needs no re-insertion). Any change of the table forgets it.
    /// </summary>
    internal bool CopyIsIdentity { get; set; }

    // Known: copies of this table go round these tables, this one at _cycleIndex (a copy can swap colliding keys
    // back and forth). The other tables of a cycle belong to no map; a change of this table lets them go.
    private Py27Keys[]? _copyCycle;
    private int _cycleIndex;

    /// <summary>This table is the result of copies (no key was added or removed since): its copies may be followed further.</summary>
    internal bool FromCopies { get; set; }

    internal bool InCycle => _copyCycle is not null;

    /// <summary>The table after <paramref name="count"/> copies, when this table knows the cycle its copies go round.</summary>
    internal Py27Keys? AfterCopiesInCycle(int count) =>
        _copyCycle is { } cycle ? cycle[(int)((_cycleIndex + (long)count) % cycle.Length)] : null;

    /// <summary>Makes these tables (each the copy of the one before, the last's copy the first) know their cycle.</summary>
    internal static void FormCycle(Py27Keys[] cycle)
    {
        for (int i = 0; i < cycle.Length; i++)
        {
            cycle[i]._copyCycle = cycle;
            cycle[i]._cycleIndex = i;
        }
    }

    /// <summary>This table changes: what it knew of its copies no longer holds.</summary>
    private void Changing()
    {
        CopyIsIdentity = false;
        FromCopies = false;
        if (_copyCycle is { } cycle)
        {
            _copyCycle = null;
            foreach (var other in cycle)
            {
                if (!ReferenceEquals(other, this))
                {
                    other._copyCycle = null;
                    other.Release();
                }
            }
        }
    }

    /// <summary>Writes the keys in Python 2.7 iteration order into <paramref name="buffer"/>; returns how many.</summary>
    internal int CopyKeysTo(string[] buffer)
    {
        int n = 0;
        foreach (var k in _table)
        {
            if (k is not null && !ReferenceEquals(k, Dummy))
            {
                buffer[n++] = k;
            }
        }

        return n;
    }

    /// <summary>Keys in Python 2.7 iteration order.</summary>
    public List<string> Keys()
    {
        var keys = new List<string>(_size);
        foreach (var k in _table)
        {
            if (k is not null && !ReferenceEquals(k, Dummy))
            {
                keys.Add(k);
            }
        }

        return keys;
    }

    public int Count => _size;

    private static bool Same(string? slot, string key) => slot is not null && !ReferenceEquals(slot, Dummy) && string.Equals(slot, key, StringComparison.Ordinal);

    /// <summary>
    /// The slot holds <paramref name="key"/> (hash <paramref name="h"/>): the same string object, or, as Python's
    /// lookdict compares, an equal hash before the text (a hash is a function of the text, so this is only faster).
    /// </summary>
    private bool SameAt(int i, string key, ulong h)
    {
        var slot = _table[i];
        return ReferenceEquals(slot, key) || (_hashes[i] == h && Same(slot, key));
    }

    private int IndexFor(string key, ulong h)
    {
        ulong mask = (ulong)Mask;
        int i = (int)(h & mask);
        if (_table[i] is null || SameAt(i, key, h))
        {
            return i;
        }

        int? freeSlot = ReferenceEquals(_table[i], Dummy) ? i : null;
        ulong walker = (ulong)i;
        ulong perturb = h;
        while (true)
        {
            i = NextSlot(ref walker, ref perturb, (int)mask);
            if (_table[i] is null)
            {
                return freeSlot ?? i;
            }

            if (SameAt(i, key, h))
            {
                return i;
            }

            if (freeSlot is null && ReferenceEquals(_table[i], Dummy))
            {
                freeSlot = i;
            }
        }
    }

    /// <summary>The next slot of a probe path (lookdict's <c>i = (i &lt;&lt; 2) + i + perturb + 1</c>, then perturb shifted).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static int NextSlot(ref ulong walker, ref ulong perturb, int mask)
    {
        walker = unchecked((walker << 2) + walker + perturb + 1);
        perturb >>= PerturbShift;
        return (int)(walker & (ulong)mask);
    }

    /// <summary>Adds a key (PyDict_SetItem). Costs no scan of the table: bulk inserts stay linear.</summary>
    public void Add(string key) => Insert(key);

    /// <summary>
    /// Adds a key; returns its position in iteration order when it is new and the table kept its size (the other
    /// keys then keep their order), else -1 (the caller takes the whole order again).
    /// </summary>
    internal int AddAt(string key)
    {
        int i = Insert(key);
        if (i < 0)
        {
            return -1;
        }

        return KeysBefore(i);
    }

    /// <summary>How many keys sit in the slots before <paramref name="slot"/>.</summary>
    private int KeysBefore(int slot)
    {
        if (!_countsKnown)
        {
            CountKeys();
        }

        int sum = 0;
        for (int i = slot - 1; i >= 0; i = (i & (i + 1)) - 1)
        {
            sum += _counts[i];
        }

        return sum;
    }

    private void CountKeys()
    {
        if (_counts.Length != _table.Length)
        {
            Py27TableArrays.Return(_counts);
            _counts = Py27TableArrays.RentCounts(_table.Length);
        }

        int n = _table.Length;
        for (int i = 0; i < n; i++)
        {
            _counts[i] = _table[i] is { } k && !ReferenceEquals(k, Dummy) ? 1 : 0;
        }

        for (int i = 0; i < n; i++)
        {
            int j = i | (i + 1);
            if (j < n)
            {
                _counts[j] += _counts[i];
            }
        }

        _countsKnown = true;
    }

    private void CountSlot(int slot, int delta)
    {
        if (_countsKnown)
        {
            for (int i = slot; i < _counts.Length; i |= i + 1)
            {
                _counts[i] += delta;
            }
        }
    }

    /// <summary>Inserts a key; returns its slot when it is new and the table kept its size, else -1.</summary>
    private int Insert(string key) => Insert(key, Py27Hash.OfString(key));

    private int Insert(string key, ulong hash)
    {
        Changing();
        int startSize = _size;
        int i = IndexFor(key, hash);
        var slot = _table[i];
        if (slot is null)
        {
            _size++;
            _fill++;
            _table[i] = key;
            _hashes[i] = hash;
            CountSlot(i, 1);
            _trace?.Changed(key, hash, i);
        }
        else
        {
            if (ReferenceEquals(slot, Dummy))
            {
                _size++;
                CountSlot(i, 1);
                DropTrace();
            }

            if (!Same(slot, key))
            {
                _table[i] = key;
                _hashes[i] = hash;
            }
        }

        if (_size > startSize && _fill * 3 >= _table.Length * 2)
        {
            Resize(_size * (_size > LargeDictSizeThreshold ? 2 : 4));
            return -1;
        }

        return _size == startSize ? -1 : i;
    }

    public void Remove(string key)
    {
        Changing();
        int i = IndexFor(key, Py27Hash.OfString(key));
        if (_table[i] is not null && !ReferenceEquals(_table[i], Dummy))
        {
            _table[i] = Dummy;
            CountSlot(i, -1);
            _size--;
            DropTrace();
        }
    }

    /// <summary>PyDict_Merge: grow once for the incoming keys, then add them in order.</summary>
    public void Merge(IReadOnlyCollection<string> other)
    {
        if (other.Count == 0)
        {
            return;
        }

        if ((_fill + other.Count) * 3 >= _table.Length * 2)
        {
            Resize((_size + other.Count) * 2);
        }

        foreach (var k in other)
        {
            Add(k);
        }
    }

    /// <summary>dict.copy(): a new table that merges these keys.</summary>
    public Py27Keys Copy()
    {
        var copy = new Py27Keys();
        copy.Merge(Keys());
        return copy;
    }

    /// <summary>
    /// For each key of this table in iteration order, its position in <paramref name="earlier"/>, a table of the same
    /// keys (the one this was refilled from): how to reorder a map's entries after a copy, without hashing a key.
    /// </summary>
    internal void PositionsIn(Py27Keys earlier, Span<int> result)
    {
        // Every key's place in the earlier order is the number of keys in the slots before its own: one pass ranks
        // all the earlier table's slots (a tree query per key costs a logarithm more, for every key of a big map).
        var earlierTable = earlier._table;
        var rank = Py27TableArrays.RentCounts(earlierTable.Length);
        try
        {
            int before = 0;
            for (int s = 0; s < earlierTable.Length; s++)
            {
                rank[s] = before;
                if (earlierTable[s] is { } e && !ReferenceEquals(e, Dummy))
                {
                    before++;
                }
            }

            int n = 0;
            for (int i = 0; i < _table.Length; i++)
            {
                if (_table[i] is { } k && !ReferenceEquals(k, Dummy))
                {
                    result[n++] = rank[earlier.IndexFor(k, _hashes[i])];
                }
            }
        }
        finally
        {
            Py27TableArrays.Return(rank);
        }
    }

    /// <summary>copy.deepcopy of a Python 2.7 dict: a new table the keys are inserted into in this table's order.</summary>
    internal static Py27Keys Refilled(Py27Keys table)
    {
        var copy = new Py27Keys();
        for (int i = 0; i < table._table.Length; i++)
        {
            if (table._table[i] is { } k && !ReferenceEquals(k, Dummy))
            {
                copy.Insert(k, table._hashes[i]);
            }
        }

        return copy;
    }

    /// <summary>
    /// Whether a deep copy (<see cref="Refilled"/>) gives this very table, found without making the copy, for a table
    /// of the smallest size (at most five keys, no deleted slot: the copy fills one table of that size, never
    /// growing); null for any other table. Most maps of a template are that small, and a copy of most of them changes
    /// nothing.
    /// </summary>
    internal bool? RefillKeepsSmallTable()
    {
        if (_table.Length != MinSize || _fill != _size)
        {
            return null;
        }

        int taken = 0; // the copy's slots filled so far, a bit each
        for (int i = 0; i < MinSize; i++)
        {
            if (_table[i] is null)
            {
                continue;
            }

            ulong h = _hashes[i];
            int slot = (int)(h & (MinSize - 1));
            ulong walker = (ulong)slot;
            ulong perturb = h;
            while ((taken & (1 << slot)) != 0)
            {
                slot = NextSlot(ref walker, ref perturb, MinSize - 1);
            }

            if (slot != i)
            {
                return false;
            }

            taken |= 1 << slot;
        }

        return true;
    }

    /// <summary>The same table, slot for slot (not dict.copy(), which re-inserts).</summary>
    internal Py27Keys ExactCopy() => new() { _table = (string?[])_table.Clone(), _hashes = (ulong[])_hashes.Clone(), _size = _size, _fill = _fill, CopyIsIdentity = CopyIsIdentity };

    /// <summary>Slot for slot the same table (a deleted slot matches only a deleted slot).</summary>
    internal bool SameTable(Py27Keys other)
    {
        if (other._table.Length != _table.Length || other._size != _size || other._fill != _fill)
        {
            return false;
        }

        for (int i = 0; i < _table.Length; i++)
        {
            var a = _table[i];
            var b = other._table[i];
            bool same = ReferenceEquals(a, Dummy) || ReferenceEquals(b, Dummy) ? ReferenceEquals(a, b) : string.Equals(a, b, StringComparison.Ordinal);
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The table size a resize asking for <paramref name="request"/> slots gives (dictresize).</summary>
    internal static int SizeFor(int request)
    {
        int newSize = MinSize;
        while (newSize <= request)
        {
            newSize <<= 1;
        }

        return newSize;
    }

    private void Resize(int request)
    {
        int newSize = SizeFor(request);
        DropTrace();
        var old = _table;
        var oldHashes = _hashes;
        _countsKnown = false;
        (_table, _hashes) = newSize < 64 ? (new string?[newSize], new ulong[newSize]) : Py27TableArrays.Rent(newSize);
        _fill = _size = 0;
        for (int i = 0; i < old.Length; i++)
        {
            if (old[i] is { } k && !ReferenceEquals(k, Dummy))
            {
                Insert(k, oldHashes[i]);
            }
        }

        Py27TableArrays.Return(old, oldHashes);
    }

    /// <summary>Gives this table's arrays back for reuse; the table must not be used again.</summary>
    internal void Release()
    {
        DropTrace();
        Py27TableArrays.Return(_table, _hashes);
        Py27TableArrays.Return(_counts);
        _counts = [];
        _countsKnown = false;
        _table = [];
        _hashes = [];
    }

    /// <summary>The map that held this table holds another now: the arrays are reused unless a known cycle or a kept copy (see TracedCopy) keeps the table.</summary>
    internal void LetGo()
    {
        if (_copyCycle is null && _copyTable is null)
        {
            Release();
        }
    }
}
