using System.Runtime.ExceptionServices;

namespace SamPerms.Pipeline;

/// <summary>
/// Runs one piece of work per item of a batch on all cores and hands the results back in the batch's order, each
/// as soon as it and every one before it are done: what a batch prints and writes is the same as one at a time.
/// At most a few results per core wait to be handed back, so memory does not grow with the batch.
/// </summary>
/// <remarks>
/// The workers hand the results back themselves: the one that finishes the next item in order consumes every
/// finished item from there on, one consumer at a time. Nothing wakes a thread per item (the calling thread only
/// waits for the end), so a batch of small templates is not spent switching threads.
/// </remarks>
public static class ParallelBatch
{
    /// <summary>
    /// <paramref name="work"/> runs on worker threads (it must not touch shared state); <paramref name="consume"/>
    /// runs on one thread at a time, in item order (it may write to shared output). An exception of
    /// <paramref name="work"/> or <paramref name="consume"/> is thrown again on the calling thread when its item's
    /// turn comes (the items before it are consumed, none after it).
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

        new Batch<TItem, TResult>(items, work, consume, window: workers * 8).Run(workers);
    }

    private sealed class Batch<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> work, Action<TItem, TResult> consume, int window)
    {
        private readonly TResult[] _results = new TResult[items.Count];
        private readonly ExceptionDispatchInfo?[] _failures = new ExceptionDispatchInfo?[items.Count];
        private readonly bool[] _done = new bool[items.Count];
        private readonly object _gate = new();
        private int _next;         // the next item to start
        private int _consumed;     // items handed back so far
        private bool _consuming;   // a worker is handing results back
        private int _waiting;      // workers waiting for the window to move
        private ExceptionDispatchInfo? _failure;

        public void Run(int workers)
        {
            // Big stacks as the main thread has: the reader and the transform recurse into deeply nested templates.
            var threads = new Thread[workers];
            for (int i = 0; i < workers; i++)
            {
                threads[i] = new Thread(Worker, maxStackSize: 16 * 1024 * 1024) { IsBackground = true, Name = "samperms batch" };
                threads[i].Start();
            }

            foreach (var t in threads)
            {
                t.Join();
            }

            _failure?.Throw();
        }

        private void Worker()
        {
            while (Claim() is int k and >= 0)
            {
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

                lock (_gate)
                {
                    _results[k] = result;
                    _failures[k] = failure;
                    _done[k] = true;
                    if (_consuming || k != _consumed)
                    {
                        continue; // the consumer, or whoever finishes item _consumed, hands this one back
                    }

                    _consuming = true;
                }

                HandBack();
            }
        }

        /// <summary>The next item to work on, or -1 when the batch is over (or stopped by a failure).</summary>
        private int Claim()
        {
            lock (_gate)
            {
                while (_failure is null && _next < items.Count && _next >= _consumed + window)
                {
                    _waiting++;
                    Monitor.Wait(_gate);
                    _waiting--;
                }

                return _failure is null && _next < items.Count ? _next++ : -1;
            }
        }

        /// <summary>Consumes every finished item in order from <see cref="_consumed"/>; only one thread at a time.</summary>
        private void HandBack()
        {
            while (true)
            {
                int k;
                TResult result;
                lock (_gate)
                {
                    k = _consumed;
                    if (_failure is not null || k >= items.Count || !_done[k])
                    {
                        _consuming = false;
                        if (_waiting > 0 || _failure is not null)
                        {
                            Monitor.PulseAll(_gate);
                        }

                        return;
                    }

                    result = _results[k];
                    _results[k] = default!;
                    if (_failures[k] is { } failed)
                    {
                        _failure = failed;
                        continue;
                    }
                }

                try
                {
                    consume(items[k], result);
                }
                catch (Exception e)
                {
                    lock (_gate)
                    {
                        _failure = ExceptionDispatchInfo.Capture(e);
                    }

                    continue;
                }

                lock (_gate)
                {
                    _consumed = k + 1;
                    if (_waiting > 0)
                    {
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }
    }
}
