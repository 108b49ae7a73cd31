using System.Collections;
using SamPerms.Text;

namespace SamPerms.Model;

/// <summary>One key of a map with the span of the key itself.</summary>
public struct MapEntry(string key, Node value, SourceSpan keySpan)
{
    public string Key = key;
    public Node Value = value;
    public SourceSpan KeySpan = keySpan;
}

/// <summary>
/// An insertion-ordered string-keyed map, like a Python dict read from a template.
/// Small maps are searched linearly; big ones keep an index.
/// </summary>
public sealed class MapNode : Node, IEnumerable<KeyValuePair<string, Node>>
{
    private const int IndexThreshold = 12;
    private readonly List<MapEntry> _entries;
    private Dictionary<string, int>? _index;

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

    /// <summary>Appends without checking for an existing key (the reader checks duplicates itself).</summary>
    public void Add(string key, Node value, SourceSpan keySpan)
    {
        _entries.Add(new MapEntry(key, value, keySpan));
        if (_index is not null)
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
            Add(e.Key, e.Value, e.KeySpan);
        }
    }

    public override Node Clone()
    {
        var m = new MapNode(_entries.Count) { Span = Span };
        foreach (var e in _entries)
        {
            m.Add(e.Key, e.Value.Clone(), e.KeySpan);
        }

        return m;
    }

    /// <summary>Python's dict.copy(): a new map holding the same value objects.</summary>
    public MapNode ShallowCopy()
    {
        var m = new MapNode(_entries.Count) { Span = Span };
        foreach (var e in _entries)
        {
            m.Add(e.Key, e.Value, e.KeySpan);
        }

        return m;
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
