using SamPerms.Yaml;

namespace SamPerms.Tests.Yaml;

/// <summary>The fast reader's event list gives back what was added, in order, across its blocks and after a reuse.</summary>
public sealed class YamlEventListTests
{
    [Fact]
    public void Events_come_back_in_order_across_blocks_and_after_clearing()
    {
        var list = new YamlEventList();
        foreach (int count in new[] { 3000, 700, 0, 1 })
        {
            list.Clear();
            for (int i = 0; i < count; i++)
            {
                list.Add(new YamlEvent(YamlEventKind.Scalar, new YamlMark(i, 1, i), new YamlMark(i, 2, i + 1), "v" + i));
            }

            Assert.Equal(count, list.Count);
            Assert.Equal(Enumerable.Range(0, count).Select(i => "v" + i), list.Select(e => e.Value));
        }
    }

    [Fact]
    public void A_block_of_events_is_no_large_object()
    {
        // A field added to YamlEvent can push a block past 85,000 bytes, where each one would count toward the
        // large-object budget that sets off full collections of a big template's heap.
        Assert.True(System.Runtime.CompilerServices.Unsafe.SizeOf<YamlEvent>() * YamlEventList.BlockSize < 85_000);
    }
}
