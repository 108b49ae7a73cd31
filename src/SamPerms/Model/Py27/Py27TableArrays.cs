namespace SamPerms.Model.Py27;

/// <summary>
/// Slot arrays of Python 2.7 tables that were let go, kept for the next table of the same size on this thread. A
/// deferred copy refills a table from empty, growing through every size, and mostly finds it unchanged: without
/// reuse, each copy of a big API definition's paths would allocate (and drop) some 200 KB.
/// </summary>
internal static class Py27TableArrays
{
    private const int Kept = 2;

    [ThreadStatic]
    private static Stack<(string?[] Keys, ulong[] Hashes)>[]? _free;

    [ThreadStatic]
    private static Stack<int[]>[]? _freeCounts;

    /// <summary>An array for a table's key counts per slot (its content is written before it is read).</summary>
    public static int[] RentCounts(int size)
    {
        _freeCounts ??= NewStacks<int[]>();
        return _freeCounts[Log2(size)].TryPop(out var counts) ? counts : new int[size];
    }

    public static void Return(int[] counts)
    {
        if (counts.Length < 64)
        {
            return;
        }

        _freeCounts ??= NewStacks<int[]>();
        var stack = _freeCounts[Log2(counts.Length)];
        if (stack.Count < Kept)
        {
            stack.Push(counts);
        }
    }

    private static Stack<T>[] NewStacks<T>()
    {
        var stacks = new Stack<T>[32];
        for (int i = 0; i < stacks.Length; i++)
        {
            stacks[i] = new Stack<T>(Kept);
        }

        return stacks;
    }

    /// <summary>Cleared arrays of the given size (a power of two).</summary>
    public static (string?[] Keys, ulong[] Hashes) Rent(int size)
    {
        var stack = Stacks()[Log2(size)];
        if (stack.TryPop(out var arrays))
        {
            return arrays;
        }

        return (new string?[size], new ulong[size]);
    }

    /// <summary>Arrays no table uses any more.</summary>
    public static void Return(string?[] keys, ulong[] hashes)
    {
        if (keys.Length < 64)
        {
            return; // small arrays cost less to allocate than to keep
        }

        var stack = Stacks()[Log2(keys.Length)];
        if (stack.Count < Kept)
        {
            Array.Clear(keys);
            stack.Push((keys, hashes));
        }
    }

    private static Stack<(string?[] Keys, ulong[] Hashes)>[] Stacks()
    {
        return _free ??= NewStacks<(string?[], ulong[])>();
    }

    private static int Log2(int size) => System.Numerics.BitOperations.Log2((uint)size);
}
