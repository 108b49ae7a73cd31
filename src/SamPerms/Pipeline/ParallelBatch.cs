using System.Runtime.ExceptionServices;

namespace SamPerms.Pipeline;

/// <summary>
/// Runs one piece of work per item of a batch on all cores and hands the results back in the batch's order, each
/// as soon as it and every one before it are done: what a batch prints and writes is the same as one at a time.
/// At most a few results per core wait to be handed back, so memory does not grow with the batch.
/// </summary>
public static class ParallelBatch
{
    /// <summary>
    /// <paramref name="work"/> runs on worker threads (it must not touch shared state); <paramref name="consume"/>
    /// runs on the calling thread, in item order. An exception of <paramref name="work"/> is thrown again when its
    /// item's turn comes (the items before it are consumed, none after it).
    /// </summary>
    public static void Run<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> work, Action<TItem, TResult> consume, int? degree = null)
    {
        int workers = Math.Max(1, Math.Min(degree ?? Environment.ProcessorCount, items.Count));
        if (workers == 1)
        {
            foreach (var item in items)
            {
                consume(item, work(item));
            }

            return;
        }

        int window = workers * 4; // items started but not yet handed back, at most
        var results = new TResult[items.Count];
        var failures = new ExceptionDispatchInfo?[items.Count];
        var done = new bool[items.Count];
        var gate = new object();
        int next = 0, consumed = 0;
        bool stop = false;

        void Worker()
        {
            while (true)
            {
                int k;
                lock (gate)
                {
                    while (!stop && next < items.Count && next >= consumed + window)
                    {
                        Monitor.Wait(gate);
                    }

                    if (stop || next >= items.Count)
                    {
                        return;
                    }

                    k = next++;
                }

                TResult result = default!;
                ExceptionDispatchInfo? failure = null;
                try
                {
                    result = work(items[k]);
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }

                lock (gate)
                {
                    results[k] = result;
                    failures[k] = failure;
                    done[k] = true;
                    Monitor.PulseAll(gate);
                }
            }
        }

        // Big stacks as the main thread has: the reader and the transform recurse into deeply nested templates.
        var threads = new Thread[workers];
        for (int i = 0; i < workers; i++)
        {
            threads[i] = new Thread(Worker, maxStackSize: 16 * 1024 * 1024) { IsBackground = true, Name = "samperms batch" };
            threads[i].Start();
        }

        try
        {
            for (int k = 0; k < items.Count; k++)
            {
                TResult result;
                lock (gate)
                {
                    while (!done[k])
                    {
                        Monitor.Wait(gate);
                    }

                    result = results[k];
                    results[k] = default!;
                }

                failures[k]?.Throw();
                consume(items[k], result);
                lock (gate)
                {
                    consumed = k + 1;
                    Monitor.PulseAll(gate);
                }
            }
        }
        finally
        {
            lock (gate)
            {
                stop = true;
                Monitor.PulseAll(gate);
            }

            foreach (var t in threads)
            {
                t.Join();
            }
        }
    }
}
