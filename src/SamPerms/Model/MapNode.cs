using System.Collections;
using SamPerms.Model.Py27;
using SamPerms.Text;

namespace SamPerms.Model;

/// <summary>
/// An insertion-ordered string-keyed map, like a Python dict read from a template.
/// Small maps are searched linearly; big ones keep an index.
/// A map may instead follow Python 2.7 dict order (<see cref="IsPy27"/>), as the reference's Py27Dict does for
/// API definitions: its entries are then kept in the slot order of a Python 2.7 hash table.
/// </summary>
public sealed partial class MapNode : Node, IEnumerable<KeyValuePair<string, Node>>
{
    private const int IndexThreshold = 12;
    private Dictionary<string, int>? _index;
    private Py27Keys? _py27;
    private int _deferredCopies;

    // A big Python 2.7 map finds keys through its index and puts its entries in its table's order only when they are
    // read in order: keys added and copies applied between two such reads (an API definition's paths, once per
    // event) then cost no reordering of the whole map each.
    private bool _orderStale;

    // Deep copies applied to this map so far: each value is owed those its entry has not been given yet, and gets
    // them when it is handed out (one value by Get, all by Entries), not when the map is read.
    private int _copiesApplied;
    private bool _valuesOwed;

    // A big map (one with an index) marks a removed entry instead of closing the gap at once, so that removing
    // keys one by one costs no rebuild of the index each time; the gaps are closed before positions are read.
    private static readonly string RemovedKey = new(['\0', 'r', 'e', 'm', 'o', 'v', 'e', 'd']);
    private int _removed;

    // How many keys look like an intrinsic function's (Fn::...): a map without one answers "Fn::If here?" at once,
    // which an API definition's editor asks of every path for every event.
    private int _functionKeys;

    [ThreadStatic]
    private static int _conditionalKeysAdded;

    /// <summary>
    /// What a reader of this map as a policy document remembers of it (the statements it read, per way of reading):
    /// kept on the map itself, as a weak table keyed by maps would keep it, but with no entry in such a table for each
    /// of the thousands of documents a big template has (a cost to every garbage collection while they live).
    /// </summary>
    internal object? ReaderMemo;

    /// <summary>
    /// Changes whenever an entry is added, removed or given another value (not when the order changes): with
    /// <see cref="ConditionalKeysAdded"/>, what a check of the values (their kind, whether they are Fn::If) may remember.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>How many Fn::If keys were added to any map on this thread (a map can become conditional in place).</summary>
    public static int ConditionalKeysAdded => _conditionalKeysAdded;

    public MapNode() => _items = [];

    public MapNode(int capacity) => _items = capacity > 0 ? new MapEntry[capacity] : [];

    public override NodeKind Kind => NodeKind.Map;

    public int Count => _count - _removed;

    /// <summary>The entries in iteration order (any deep copies deferred to this map are applied first).</summary>
    public MapEntries Entries
    {
        get
        {
            Ordered();
            PassCopiesOn();
            return new MapEntries(this);
        }
    }

    /// <summary>The keys in iteration order, as they are now (the map may change while they are read).</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            Ordered();
            var entries = Slots;
            var keys = new string[entries.Length]; // the keys alone: a fifth of a copy of the entries
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = entries[i].Key;
            }

            return keys;
        }
    }

    /// <summary>
    /// The keys whose value <paramref name="needsALook"/>, in iteration order, judging each value as it stands: for
    /// questions deferred copies cannot change the answer to (the value's kind, whether it has a key), which then
    /// cost no handing out of every value.
    /// </summary>
    public List<(string Key, bool KeyUnicode)> KeysWhere(Func<Node, bool> needsALook)
    {
        Settle();
        Compact();
        var keys = new List<(string, bool)>();
        if (_orderStale && !AnyValue(needsALook))
        {
            return keys; // none: no need to put the entries in order
        }

        Ordered();
        foreach (var e in Slots)
        {
            if (needsALook(e.Value))
            {
                keys.Add((e.Key, e.KeyUnicode));
            }
        }

        return keys;
    }

    public IEnumerable<Node> Values
    {
        get
        {
            foreach (var e in Entries)
            {
                yield return e.Value;
            }
        }
    }

    public Node? this[string key]
    {
        get => Get(key);
        set
        {
            if (value is null)
            {
                Remove(key);
            }
            else
            {
                Set(key, value);
            }
        }
    }

    /// <summary>The key's position in iteration order, or -1.</summary>
    public int IndexOf(string key)
    {
        Ordered();
        return Find(key);
    }

    /// <summary>Whether the key is here (which needs no deferred copy applied: a copy keeps the keys).</summary>
    public bool ContainsKey(string key) => (_functionKeys > 0 || !IsFunctionKey(key)) && Find(key) >= 0;

    private static bool IsFunctionKey(string key) => key.StartsWith("Fn::", StringComparison.Ordinal);

    /// <summary>The key's slot in the entries (its position once removed entries are closed up), or -1.</summary>
    private int Find(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        // A small map: a scan, by reference into the list (no copy of each entry), lengths compared before the text.
        var entries = Slots;
        for (int i = 0; i < entries.Length; i++)
        {
            var k = entries[i].Key;
            if (k.Length == key.Length && string.Equals(k, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }


    /// <summary>The value, or null when absent (a YAML null is returned as a NullNode).</summary>
    public Node? Get(string key)
    {
        Settle();
        int i = Find(key);
        return i >= 0 ? HandOut(i) : null;
    }

    public bool TryGet(string key, out Node value)
    {
        Settle();
        int i = Find(key);
        if (i >= 0)
        {
            value = HandOut(i);
            return true;
        }

        value = null!;
        return false;
    }

    public SourceSpan KeySpanOf(string key)
    {
        int i = Find(key);
        return i >= 0 ? _items[i].KeySpan : SourceSpan.None;
    }

    /// <summary>Sets a key, keeping its position when it exists (as a Python dict does).</summary>
    public MapNode Set(string key, Node value)
    {
        Settle();
        int i = Find(key);
        if (i >= 0)
        {
            ref var e = ref _items[i];
            e.Value = value;
            e.CopiesGiven = _copiesApplied; // a new value owes nothing of the copies before it
            Version++;
        }
        else
        {
            Add(key, value, SourceSpan.None);
        }

        return this;
    }

    public MapNode Set(string key, string value) => Set(key, new StringNode(value));

    /// <summary>Sets a key whose Python 2.7 string type is known (a new key keeps it; an existing key keeps its own).</summary>
    public MapNode Set(string key, Node value, bool keyUnicode)
    {
        if (Find(key) >= 0)
        {
            return Set(key, value);
        }

        Add(key, value, SourceSpan.None, keyUnicode);
        return this;
    }

    /// <summary>Python's setdefault: the value at key, inserting the default when absent.</summary>
    public Node SetDefault(string key, Node value, bool keyUnicode = false)
    {
        Settle();
        int i = Find(key);
        if (i >= 0)
        {
            return HandOut(i);
        }

        Add(key, value, SourceSpan.None, keyUnicode);
        return value;
    }

    /// <summary>Python's dict.update(other), with a Python 2.7 dict's merge when this map is one.</summary>
    public void Update(MapNode other)
    {
        Settle();
        Compact();
        var items = other.Entries.ToArray();
        if (_py27 is not null)
        {
            UpdatePy27(items);
            return;
        }

        foreach (var e in items)
        {
            Set(e.Key, e.Value, e.KeyUnicode);
        }
    }

    /// <summary>Appends without checking for an existing key (the reader checks duplicates itself).</summary>
    public void Add(string key, Node value, SourceSpan keySpan, bool keyUnicode = false) =>
        Add(new MapEntry(key, value, keySpan, keyUnicode));

    /// <summary>Appends an entry as it is (key flags included), without checking for an existing key.</summary>
    public void Add(MapEntry entry)
    {
        Settle();
        if (_py27 is not null && _index is null)
        {
            Compact(); // the new key's position counts the entries before it
        }

        var key = entry.Key;
        entry.CopiesGiven = _copiesApplied;
        Append(entry);
        _functionKeys += IsFunctionKey(key) ? 1 : 0;
        CountConditional(key);
        Version++;
        if (_py27 is not null && _index is not null)
        {
            // A big map: the entry goes to the end, and the entries are put in the table's order when next read in order.
            _index[key] = _count - 1;
            _py27.Add(key);
            _orderStale = true;
        }
        else if (_py27 is not null)
        {
            int position = _py27.AddAt(key);
            int last = _count - 1;
            if (position < 0 || _py27.Count != _count)
            {
                ReorderAsPy27();
            }
            else
            {
                // The new key's slot is known and the others kept theirs: move it there, not the whole order again.
                if (position < last)
                {
                    RemoveSlot(last);
                    InsertAt(position, entry);
                }
            }

            if (_count > IndexThreshold)
            {
                BuildIndex();
            }
        }
        else if (_index is not null)
        {
            _index[key] = _count - 1;
        }
        else if (_count > IndexThreshold)
        {
            BuildIndex();
        }
    }

    public bool Remove(string key)
    {
        Settle();
        int i = Find(key);
        if (i < 0)
        {
            return false;
        }

        _py27?.Remove(key);
        _functionKeys -= IsFunctionKey(key) ? 1 : 0;
        Version++;
        if (_index is null)
        {
            RemoveSlot(i);
            return true;
        }

        _index.Remove(key);
        _items[i] = new MapEntry(RemovedKey, NullNode.Instance, SourceSpan.None);
        _removed++;
        if (_removed > IndexThreshold && _removed * 2 > _count)
        {
            Compact();
        }

        return true;
    }

    /// <summary>Closes the gaps removed entries left (see <see cref="RemovedKey"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Compact()
    {
        if (_removed != 0)
        {
            CloseGaps();
        }
    }

    private void CloseGaps()
    {
        // Entries move up over the gaps and the index is told their new places: no new index (for a template's
        // Resources, a table of thousands of keys, allocated where the collector counts large objects apart).
        var entries = Slots;
        int kept = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            if (ReferenceEquals(entries[i].Key, RemovedKey))
            {
                continue;
            }

            if (kept != i)
            {
                entries[kept] = entries[i];
                if (_index is not null)
                {
                    _index[entries[kept].Key] = kept;
                }
            }

            kept++;
        }

        Truncate(kept);
        _removed = 0;
        if (_index is null)
        {
            BuildIndex();
        }
    }

    private bool AnyValue(Func<Node, bool> test)
    {
        foreach (var e in Slots)
        {
            if (test(e.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static void CountConditional(string key)
    {
        if (key == "Fn::If")
        {
            _conditionalKeysAdded++;
        }
    }

    public void Clear()
    {
        Version++;
        _deferredCopies = 0;
        _orderStale = false;
        _removed = 0;
        _functionKeys = 0;
        Truncate(0);
        _index = null;
        if (_py27 is not null)
        {
            _py27 = new Py27Keys();
        }
    }

    /// <summary>Inserts or moves nothing: replaces the whole content with another map's entries.</summary>
    public void ReplaceWith(MapNode other)
    {
        if (ReferenceEquals(other, this))
        {
            return;
        }

        var copy = other.Entries.ToArray();
        Clear();
        foreach (var e in copy)
        {
            Add(e.Key, e.Value, e.KeySpan, e.KeyUnicode);
        }
    }

    /// <summary>copy.deepcopy: a Python 2.7 dict re-adds its keys one by one in its iteration order.</summary>
    public override Node Clone() => CloneWith(static value => value.Clone());

    /// <summary>
    /// A copy made as <see cref="Clone"/> makes it (a Python 2.7 map's keys re-inserted as a deep copy does), with
    /// each value given by <paramref name="copyValue"/>: for a copy whose owner knows that some values are about to be
    /// dropped from it unread, and keeps those without copying them.
    /// </summary>
    public MapNode CloneWith(Func<Node, Node> copyValue)
    {
        Ordered();
        PassCopiesOn();
        var m = new MapNode(_count) { Span = Span, _functionKeys = _functionKeys };
        if (_py27 is not null)
        {
            if (_py27.CopyIsIdentity)
            {
                // Re-inserting these keys is known to rebuild this very table: copy it as it is.
                m._py27 = _py27.ExactCopy();
                foreach (var e in Slots)
                {
                    var copy = e;
                    copy.Value = copyValue(e.Value);
                    copy.CopiesGiven = 0;
                    m.Append(copy);
                }

                if (m._count > IndexThreshold)
                {
                    m.BuildIndex();
                }

                return m;
            }

            // As the reference's deepcopy: a new table the keys are inserted into in iteration order; the order
            // is taken once at the end (reordering after each insertion made cloning quadratic).
            m._py27 = new Py27Keys();
            foreach (var e in Slots)
            {
                var copy = e;
                copy.Value = copyValue(e.Value);
                copy.CopiesGiven = 0;
                m.Append(copy);
                m._py27.Add(e.Key);
            }

            m.ReorderAsPy27();
            if (m._py27.SameTable(_py27))
            {
                _py27.CopyIsIdentity = m._py27.CopyIsIdentity = true;
            }

            return m;
        }

        m._functionKeys = 0; // counted again by Add
        foreach (var e in Slots)
        {
            var copy = e;
            copy.Value = copyValue(e.Value);
            m.Add(copy);
        }

        return m;
    }

    /// <summary>Python's dict.copy(): a new map holding the same value objects (a Python 2.7 dict merges its keys).</summary>
    public MapNode ShallowCopy()
    {
        Ordered();
        PassCopiesOn();
        var m = new MapNode(_count) { Span = Span, _functionKeys = _functionKeys };
        if (_py27 is not null)
        {
            m._py27 = _py27.Copy();
        }

        foreach (var e in Slots)
        {
            m.Append(e with { CopiesGiven = 0 });
        }

        m.AfterBulkChange();
        return m;
    }

    private void AfterBulkChange()
    {
        if (_py27 is not null)
        {
            ReorderAsPy27();
        }
        else if (_count > IndexThreshold)
        {
            BuildIndex();
        }
    }

    public IEnumerator<KeyValuePair<string, Node>> GetEnumerator()
    {
        // Snapshot so callers may edit the map while iterating (SAM code does).
        var snapshot = Entries.ToArray();
        foreach (var e in snapshot)
        {
            yield return new KeyValuePair<string, Node>(e.Key, e.Value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The key index of a big map: the position of each key in the entries.</summary>
    private void BuildIndex()
    {
        _index = new Dictionary<string, int>(_count, StringComparer.Ordinal);
        var entries = Slots;
        for (int i = 0; i < entries.Length; i++)
        {
            _index[entries[i].Key] = i;
        }
    }
}
