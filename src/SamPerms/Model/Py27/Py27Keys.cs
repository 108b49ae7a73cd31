namespace SamPerms.Model.Py27;

/// <summary>
/// The slot table of a Python 2.7 dict (dictobject.c), tracking only keys: where each key lands decides the
/// order the dict iterates in, and that order depends on the history of inserts, deletes and resizes. A port of
/// the reference's Py27Keys (utils/py27hash_fix.py).
/// </summary>
public sealed class Py27Keys
{
    private const int MinSize = 8;
    private const int PerturbShift = 5;
    private const int LargeDictSizeThreshold = 50000;

    // Marks a deleted slot; compared by reference, never equal to a real key.
    private static readonly string Dummy = new(['<', 'd', 'u', 'm', 'm', 'y', '>']);

    private string?[] _table = new string?[MinSize];
    private int _size;
    private int _fill;

    private int Mask => _table.Length - 1;

    /// <summary>
    /// Known: inserting these keys, in their iteration order, into a new table gives this very table (so a deep
    /// copy needs no re-insertion). Any change of the table forgets it.
    /// </summary>
    internal bool CopyIsIdentity { get; set; }

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

    private int IndexFor(string key)
    {
        ulong h = Py27Hash.OfString(key);
        ulong mask = (ulong)Mask;
        int i = (int)(h & mask);
        if (_table[i] is null || Same(_table[i], key))
        {
            return i;
        }

        int? freeSlot = ReferenceEquals(_table[i], Dummy) ? i : null;
        ulong walker = (ulong)i;
        ulong perturb = h;
        while (true)
        {
            walker = unchecked((walker << 2) + walker + perturb + 1);
            i = (int)(walker & mask);
            if (_table[i] is null)
            {
                return freeSlot ?? i;
            }

            if (Same(_table[i], key))
            {
                return i;
            }

            if (freeSlot is null && ReferenceEquals(_table[i], Dummy))
            {
                freeSlot = i;
            }

            perturb >>= PerturbShift;
        }
    }

    public void Add(string key) => AddAt(key);

    /// <summary>
    /// Adds a key; returns its position in iteration order when it is new and the table kept its size (the other
    /// keys then keep their order), else -1 (the caller takes the whole order again).
    /// </summary>
    internal int AddAt(string key)
    {
        CopyIsIdentity = false;
        int startSize = _size;
        int i = IndexFor(key);
        var slot = _table[i];
        if (slot is null)
        {
            _size++;
            _fill++;
            _table[i] = key;
        }
        else
        {
            if (ReferenceEquals(slot, Dummy))
            {
                _size++;
            }

            if (!Same(slot, key))
            {
                _table[i] = key;
            }
        }

        if (_size > startSize && _fill * 3 >= _table.Length * 2)
        {
            Resize(_size * (_size > LargeDictSizeThreshold ? 2 : 4));
            return -1;
        }

        if (_size == startSize)
        {
            return -1;
        }

        int position = 0;
        for (int j = 0; j < i; j++)
        {
            if (_table[j] is { } k && !ReferenceEquals(k, Dummy))
            {
                position++;
            }
        }

        return position;
    }

    public void Remove(string key)
    {
        CopyIsIdentity = false;
        int i = IndexFor(key);
        if (_table[i] is not null && !ReferenceEquals(_table[i], Dummy))
        {
            _table[i] = Dummy;
            _size--;
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

    /// <summary>The same table, slot for slot (not dict.copy(), which re-inserts).</summary>
    internal Py27Keys ExactCopy() => new() { _table = (string?[])_table.Clone(), _size = _size, _fill = _fill, CopyIsIdentity = CopyIsIdentity };

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

    private void Resize(int request)
    {
        int newSize = MinSize;
        while (newSize <= request)
        {
            newSize <<= 1;
        }

        var old = _table;
        _table = new string?[newSize];
        _fill = _size = 0;
        foreach (var k in old)
        {
            if (k is not null && !ReferenceEquals(k, Dummy))
            {
                Add(k);
            }
        }
    }
}
