using SamPerms.Pipeline;

namespace SamPerms.Tests.Pipeline;

public sealed class ParallelBatchTests
{
    [Fact]
    public void Results_are_handed_back_in_the_batch_order_whatever_order_they_finish_in()
    {
        var items = Enumerable.Range(0, 40).ToList();
        var consumed = new List<int>();
        var threads = new HashSet<int>();
        ParallelBatch.Run(
            items,
            i =>
            {
                Thread.Sleep((40 - i) % 7); // later items often finish first
                lock (threads)
                {
                    threads.Add(Environment.CurrentManagedThreadId);
                }

                return i * i;
            },
            (i, square) =>
            {
                Assert.Equal(i * i, square);
                consumed.Add(i);
            },
            degree: 4);

        Assert.Equal(items, consumed);
        Assert.True(threads.Count > 1, "the work ran on more than one thread");
    }

    [Fact]
    public void A_failing_item_is_thrown_in_its_turn_after_the_items_before_it()
    {
        var consumed = new List<int>();
        var e = Assert.Throws<InvalidOperationException>(() => ParallelBatch.Run(
            Enumerable.Range(0, 20).ToList(),
            i => i == 5 ? throw new InvalidOperationException("item 5") : i,
            (i, _) => consumed.Add(i),
            degree: 3));
        Assert.Equal("item 5", e.Message);
        Assert.Equal([0, 1, 2, 3, 4], consumed);
    }
}
