namespace SamPerms.Cli.Io;

/// <summary>
/// A batch's templates each live for a tenth of a millisecond and die: between two of them, once a few megabytes have
/// been allocated since the last time, the young generation is collected. Little survives such a collection (the
/// templates in flight), and the batch keeps reusing memory the processor has just touched instead of faulting in a
/// fresh page for every allocation until the collector's own, much larger, budget runs out (the corpus batch: 46 ->
/// 25 MiB, a tenth faster). A big template is left to the collector's own budget: collecting while its tree lives
/// would copy that tree.
/// </summary>
public static class BatchHeap
{
    private const long Every = 4L << 20;
    private static long _next = Every;

    /// <summary><paramref name="work"/>, followed by a collection when a small item ends and it is time for one.</summary>
    public static Func<TItem, TResult> Collecting<TItem, TResult>(Func<TItem, TResult> work) => item =>
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = work(item);
        if (GC.GetAllocatedBytesForCurrentThread() - before < Every)
        {
            long total = GC.GetTotalAllocatedBytes(precise: false);
            long next = Volatile.Read(ref _next);
            if (total >= next && Interlocked.CompareExchange(ref _next, total + Every, next) == next)
            {
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            }
        }

        return result;
    };
}
