namespace SamPerms.Model.Py27;

/// <summary>A Python 2.7 dict of non-node values (e.g. authorizer objects) that iterates in Python 2.7 order.</summary>
public sealed class Py27Dict<T>
{
    private readonly Py27Keys _keys = new();
    private readonly Dictionary<string, (bool Unicode, T Value)> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public T? Get(string key) => _values.TryGetValue(key, out var v) ? v.Value : default;

    public bool TryGetValue(string key, out T value)
    {
        if (_values.TryGetValue(key, out var v))
        {
            value = v.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(string key, bool unicode, T value)
    {
        if (_values.TryGetValue(key, out var existing))
        {
            _values[key] = (existing.Unicode, value);
            return;
        }

        _values[key] = (unicode, value);
        _keys.Add(key);
    }

    public IEnumerable<(string Key, bool Unicode, T Value)> Items()
    {
        foreach (var k in _keys.Keys())
        {
            var v = _values[k];
            yield return (k, v.Unicode, v.Value);
        }
    }

    public IEnumerable<string> Keys => _keys.Keys();
}
