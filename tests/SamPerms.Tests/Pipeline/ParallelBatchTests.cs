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

    [Fact]
    public void A_failing_consumer_stops_the_batch_in_its_turn()
    {
        var consumed = new List<int>();
        var e = Assert.Throws<InvalidOperationException>(() => ParallelBatch.Run(
            Enumerable.Range(0, 200).ToList(),
            i => i,
            (i, _) =>
            {
                if (i == 7)
                {
                    throw new InvalidOperationException("consumer at 7");
                }

                consumed.Add(i);
            },
            degree: 3));
        Assert.Equal("consumer at 7", e.Message);
        Assert.Equal(Enumerable.Range(0, 7), consumed);
    }

    [Fact]
    public void Many_items_on_few_threads_are_all_handed_back_once_in_order()
    {
        // More items than the window lets start at once: workers wait for the hand-back and are woken again.
        var consumed = new List<int>();
        ParallelBatch.Run(Enumerable.Range(0, 2000).ToList(), i => i % 97 == 0 ? Spin(i) : i, (i, r) =>
        {
            Assert.Equal(i, r);
            consumed.Add(i);
        }, degree: 2);
        Assert.Equal(Enumerable.Range(0, 2000), consumed);
    }

    private static int Spin(int i)
    {
        Thread.Sleep(2);
        return i;
    }
}
