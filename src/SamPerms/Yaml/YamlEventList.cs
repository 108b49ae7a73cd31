using System.Collections;

namespace SamPerms.Yaml;

/// <summary>
/// The events the fast reader gives, in blocks of a fixed size: a big template's hundreds of thousands of events are
/// then no single array of megabytes, grown by copies (arrays that size are large objects to the collector, and
/// allocating them soon costs a full collection), and a thread's list keeps its blocks for the next text.
/// </summary>
internal sealed class YamlEventList : IEnumerable<YamlEvent>
{
    // 512 events of 64 bytes or less: a block stays under the large-object size (85,000 bytes).
    internal const int BlockSize = 512;

    private readonly List<YamlEvent[]> _blocks = [];
    private int _count;

    public int Count => _count;

    /// <summary>How many events the blocks it has hold.</summary>
    public int Capacity => _blocks.Count * BlockSize;

    public void Add(in YamlEvent e)
    {
        int block = _count / BlockSize;
        if (block == _blocks.Count)
        {
            _blocks.Add(new YamlEvent[BlockSize]);
        }

        _blocks[block][_count % BlockSize] = e;
        _count++;
    }

    /// <summary>Tells the collection start at <paramref name="index"/> how many entries or items it turned out to hold.</summary>
    public void SetSize(int index, int size)
    {
        ref var e = ref _blocks[index / BlockSize][index % BlockSize];
        e = e with { Size = size };
    }

    /// <summary>Forgets the events (their strings too), keeping the blocks.</summary>
    public void Clear()
    {
        for (int b = 0; b * BlockSize < _count; b++)
        {
            Array.Clear(_blocks[b], 0, Math.Min(BlockSize, _count - b * BlockSize));
        }

        _count = 0;
    }

    public IEnumerator<YamlEvent> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return _blocks[i / BlockSize][i % BlockSize];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
