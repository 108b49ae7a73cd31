namespace SamPerms.Model;

/// <summary>
/// Where a map keeps its entries: one array and a count, in the map itself. A template has hundreds of thousands of
/// maps, most of one to four keys; a list object per map, its default room for four and a boxed enumerator per
/// loop over it were a fifth of what a big template allocated, and a third of the objects a collection looks through.
/// </summary>
public sealed partial class MapNode
{
    private MapEntry[] _items;
    private int _count;

    internal int StoredCount => _count;

    internal MapEntry StoredAt(int position) => _items[position];

    internal ReadOnlySpan<MapEntry> StoredSlots => _items.AsSpan(0, _count);

    /// <summary>The entries as stored (removed ones included), to read or write in place.</summary>
    private Span<MapEntry> Slots => _items.AsSpan(0, _count);

    private void Append(in MapEntry entry)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        _items[_count++] = entry;
    }

    // Room for two at first (most maps of a template hold one or two keys), then twice the room each time.
    private void Grow() => Array.Resize(ref _items, _items.Length == 0 ? 2 : _items.Length * 2);

    private void InsertAt(int position, in MapEntry entry)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        Array.Copy(_items, position, _items, position + 1, _count - position);
        _items[position] = entry;
        _count++;
    }

    private void RemoveSlot(int position)
    {
        _count--;
        if (position < _count)
        {
            Array.Copy(_items, position + 1, _items, position, _count - position);
        }

        _items[_count] = default;
    }

    /// <summary>Keeps the first <paramref name="count"/> entries.</summary>
    private void Truncate(int count)
    {
        Array.Clear(_items, count, _count - count);
        _count = count;
    }
}

/// <summary>
/// A map's entries in iteration order, read through the map (a live view, as a list of them would be): indexing
/// and <c>foreach</c> cost no allocation.
/// </summary>
public readonly struct MapEntries : IReadOnlyList<MapEntry>
{
    private readonly MapNode _map;

    internal MapEntries(MapNode map) => _map = map;

    public int Count => _map.StoredCount;

    public MapEntry this[int index] => (uint)index < (uint)_map.StoredCount
        ? _map.StoredAt(index)
        : throw new ArgumentOutOfRangeException(nameof(index));

    public MapEntry[] ToArray() => _map.StoredSlots.ToArray();

    public Enumerator GetEnumerator() => new(_map);

    IEnumerator<MapEntry> IEnumerable<MapEntry>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(MapNode map) : IEnumerator<MapEntry>
    {
        private int _next;

        public MapEntry Current { get; private set; }

        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_next < map.StoredCount)
            {
                Current = map.StoredAt(_next++);
                return true;
            }

            return false;
        }

        public void Reset() => _next = 0;

        public readonly void Dispose()
        {
        }
    }
}
