using System.Collections;
using SamPerms.Model.Py27;
using SamPerms.Text;

namespace SamPerms.Model;

/// <summary>One key of a map with the span of the key itself.</summary>
public struct MapEntry(string key, Node value, SourceSpan keySpan, bool keyUnicode = false)
{
    public string Key = key;
    public Node Value = value;
    public SourceSpan KeySpan = keySpan;

    /// <summary>The key is a Python 2.7 unicode string (see <see cref="StringNode.Unicode"/>).</summary>
    public bool KeyUnicode = keyUnicode;

    /// <summary>
    /// The key was written as a string. YAML allows `0:` or `true:` keys; they are kept as text here, but a
    /// logical id must have been a string to the reference.
    /// </summary>
    public bool KeyIsString = true;
}

/// <summary>
/// An insertion-ordered string-keyed map, like a Python dict read from a template.
/// Small maps are searched linearly; big ones keep an index.
/// A map may instead follow Python 2.7 dict order (<see cref="IsPy27"/>), as the reference's Py27Dict does for
/// API definitions: its entries are then kept in the slot order of a Python 2.7 hash table.
/// </summary>
public sealed class MapNode : Node, IEnumerable<KeyValuePair<string, Node>>
{
    private const int IndexThreshold = 12;
    private readonly List<MapEntry> _entries;
    private Dictionary<string, int>? _index;
    private Py27Keys? _py27;

    public MapNode() => _entries = [];

    public MapNode(int capacity) => _entries = new List<MapEntry>(capacity);

    public override NodeKind Kind => NodeKind.Map;

    public int Count => _entries.Count;

    public IReadOnlyList<MapEntry> Entries => _entries;

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var e in _entries)
            {
                yield return e.Key;
            }
        }
    }

    public IEnumerable<Node> Values
    {
        get
        {
            foreach (var e in _entries)
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

    public int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        for (int i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>The value, or null when absent (a YAML null is returned as a NullNode).</summary>
    public Node? Get(string key)
    {
        int i = IndexOf(key);
        return i >= 0 ? _entries[i].Value : null;
    }

    public bool TryGet(string key, out Node value)
    {
        int i = IndexOf(key);
        if (i >= 0)
        {
            value = _entries[i].Value;
            return true;
        }

        value = null!;
        return false;
    }

    public SourceSpan KeySpanOf(string key)
    {
        int i = IndexOf(key);
        return i >= 0 ? _entries[i].KeySpan : SourceSpan.None;
    }

    /// <summary>Sets a key, keeping its position when it exists (as a Python dict does).</summary>
    public MapNode Set(string key, Node value)
    {
        int i = IndexOf(key);
        if (i >= 0)
        {
            var e = _entries[i];
            e.Value = value;
            _entries[i] = e;
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
        if (IndexOf(key) >= 0)
        {
            return Set(key, value);
        }

        Add(key, value, SourceSpan.None, keyUnicode);
        return this;
    }

    /// <summary>Python's setdefault: the value at key, inserting the default when absent.</summary>
    public Node SetDefault(string key, Node value, bool keyUnicode = false)
    {
        int i = IndexOf(key);
        if (i >= 0)
        {
            return _entries[i].Value;
        }

        Add(key, value, SourceSpan.None, keyUnicode);
        return value;
    }

    /// <summary>Python's dict.update(other), with a Python 2.7 dict's merge when this map is one.</summary>
    public void Update(MapNode other)
    {
        var items = other._entries.ToArray();
        _py27?.Merge(items.Select(e => e.Key).ToArray());
        foreach (var e in items)
        {
            Set(e.Key, e.Value, e.KeyUnicode);
        }

        // The merge may have regrown the table even when every key was already here: iterate in its new order.
        if (_py27 is not null)
        {
            ReorderAsPy27();
        }
    }

    /// <summary>True when the map iterates in Python 2.7 dict order.</summary>
    public bool IsPy27 => _py27 is not null;

    /// <summary>A new empty map with Python 2.7 dict order (the reference's Py27Dict()).</summary>
    public static MapNode NewPy27() => new() { _py27 = new Py27Keys() };

    /// <summary>The reference's Py27Dict(d): a new Python 2.7 dict that merges d's keys, then sets each item.</summary>
    public static MapNode Py27From(MapNode d)
    {
        var m = NewPy27();
        m.Span = d.Span;
        m.Update(d);
        return m;
    }

    /// <summary>Appends without checking for an existing key (the reader checks duplicates itself).</summary>
    public void Add(string key, Node value, SourceSpan keySpan, bool keyUnicode = false) =>
        Add(new MapEntry(key, value, keySpan, keyUnicode));

    /// <summary>Appends an entry as it is (key flags included), without checking for an existing key.</summary>
    public void Add(MapEntry entry)
    {
        var key = entry.Key;
        _entries.Add(entry);
        if (_py27 is not null)
        {
            int position = _py27.AddAt(key);
            int last = _entries.Count - 1;
            if (position < 0 || _py27.Count != _entries.Count)
            {
                ReorderAsPy27(unindexedFrom: last);
            }
            else
            {
                // The new key's slot is known and the others kept theirs: move it there, not the whole order again.
                if (position < last)
                {
                    _entries.RemoveAt(last);
                    _entries.Insert(position, entry);
                }

                if (_index is not null)
                {
                    for (int i = position; i <= last; i++)
                    {
                        _index[_entries[i].Key] = i;
                    }
                }
                else if (_entries.Count > IndexThreshold)
                {
                    BuildIndex();
                }
            }
        }
        else if (_index is not null)
        {
            _index[key] = _entries.Count - 1;
        }
        else if (_entries.Count > IndexThreshold)
        {
            BuildIndex();
        }
    }

    public bool Remove(string key)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            return false;
        }

        _entries.RemoveAt(i);
        _py27?.Remove(key);
        if (_index is not null)
        {
            BuildIndex();
        }

        return true;
    }

    public void Clear()
    {
        _entries.Clear();
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

        var copy = other._entries.ToArray();
        Clear();
        foreach (var e in copy)
        {
            Add(e.Key, e.Value, e.KeySpan, e.KeyUnicode);
        }
    }

    /// <summary>copy.deepcopy: a Python 2.7 dict re-adds its keys one by one in its iteration order.</summary>
    public override Node Clone()
    {
        var m = new MapNode(_entries.Count) { Span = Span };
        if (_py27 is not null)
        {
            if (_py27.CopyIsIdentity)
            {
                // Re-inserting these keys is known to rebuild this very table: copy it as it is.
                m._py27 = _py27.ExactCopy();
                foreach (var e in _entries)
                {
                    var copy = e;
                    copy.Value = e.Value.Clone();
                    m._entries.Add(copy);
                }

                if (m._entries.Count > IndexThreshold)
                {
                    m.BuildIndex();
                }

                return m;
            }

            // As the reference's deepcopy: a new table the keys are inserted into in iteration order; the order
            // is taken once at the end (reordering after each insertion made cloning quadratic).
            m._py27 = new Py27Keys();
            foreach (var e in _entries)
            {
                var copy = e;
                copy.Value = e.Value.Clone();
                m._entries.Add(copy);
                m._py27.Add(e.Key);
            }

            m.ReorderAsPy27();
            if (m._py27.SameTable(_py27))
            {
                _py27.CopyIsIdentity = m._py27.CopyIsIdentity = true;
            }

            return m;
        }

        foreach (var e in _entries)
        {
            var copy = e;
            copy.Value = e.Value.Clone();
            m.Add(copy);
        }

        return m;
    }

    /// <summary>Python's dict.copy(): a new map holding the same value objects (a Python 2.7 dict merges its keys).</summary>
    public MapNode ShallowCopy()
    {
        var m = new MapNode(_entries.Count) { Span = Span };
        if (_py27 is not null)
        {
            m._py27 = _py27.Copy();
        }

        foreach (var e in _entries)
        {
            m._entries.Add(e);
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
        else if (_entries.Count > IndexThreshold)
        {
            BuildIndex();
        }
    }

    /// <summary>
    /// Keeps the entries in the slot order of the Python 2.7 table, so every iteration sees that order. Entries
    /// from <paramref name="unindexedFrom"/> on may be missing from the key index (just appended); only the part
    /// that moved or was appended is re-indexed, so adding a key costs no rebuild of the whole index.
    /// </summary>
    private void ReorderAsPy27(int unindexedFrom = 0)
    {
        int n = _entries.Count;
        if (_py27!.Count != n)
        {
            throw new InvalidOperationException("Python 2.7 key table out of step with the map.");
        }

        var order = System.Buffers.ArrayPool<string>.Shared.Rent(Math.Max(n, 1));
        try
        {
            _py27.CopyKeysTo(order);
            int first = 0;
            while (first < n && string.Equals(order[first], _entries[first].Key, StringComparison.Ordinal))
            {
                first++;
            }

            if (first < n)
            {
                var byKey = new Dictionary<string, MapEntry>(n - first, StringComparer.Ordinal);
                for (int i = first; i < n; i++)
                {
                    byKey[_entries[i].Key] = _entries[i];
                }

                for (int i = first; i < n; i++)
                {
                    _entries[i] = byKey[order[i]];
                }
            }

            if (_index is not null)
            {
                for (int i = Math.Min(first, unindexedFrom); i < n; i++)
                {
                    _index[_entries[i].Key] = i;
                }
            }
            else if (n > IndexThreshold)
            {
                BuildIndex();
            }
        }
        finally
        {
            System.Buffers.ArrayPool<string>.Shared.Return(order, clearArray: true);
        }
    }

    public IEnumerator<KeyValuePair<string, Node>> GetEnumerator()
    {
        // Snapshot so callers may edit the map while iterating (SAM code does).
        var snapshot = _entries.ToArray();
        foreach (var e in snapshot)
        {
            yield return new KeyValuePair<string, Node>(e.Key, e.Value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void BuildIndex()
    {
        _index = new Dictionary<string, int>(_entries.Count, StringComparer.Ordinal);
        for (int i = 0; i < _entries.Count; i++)
        {
            _index[_entries[i].Key] = i;
        }
    }
}
