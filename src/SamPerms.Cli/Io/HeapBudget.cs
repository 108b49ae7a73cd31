namespace SamPerms.Cli.Io;

/// <summary>
/// How much the process may allocate before the collector first runs, set from the size of the templates the
/// command names. A command allocates in proportion to its templates (their trees, the transformed templates, the
/// permission map) and keeps most of it to the end: a collection in the middle only copies what lives on. The
/// collector's own budget is fixed in size, so a bigger template meant more collections, each copying a bigger
/// tree: a cost that grew with the square of the template (1,600 functions: three collections, a quarter of the
/// time). With a budget proportional to the input, the number of collections no longer grows with it.
/// </summary>
/// <remarks>
/// Small templates stay under the collector's own first budget either way (no change: <see cref="Floor"/>), and the
/// budget is capped, by <see cref="Cap"/> and by a share of the memory the process may use (a container's limit),
/// so that a huge input is collected as before. Peak memory is then what the command allocates (up to the cap),
/// instead of what it keeps plus the collector's budget. A batch of more templates than it works on at once collects
/// between them (<see cref="BatchHeap"/>) as before.
/// </remarks>
public static class HeapBudget
{
    /// <summary>
    /// Bytes per byte of the templates: above what the analysis commands allocate (1,600 functions with an Api and a
    /// Schedule event each: transform 116, permissions 178, validate 202; the most of the bench's and other shapes:
    /// validate 284, for state machines behind APIs and for a topic each with a queue; 10,000 statements: 112).
    /// </summary>
    public const long PerInputByte = 384;

    /// <summary>Below this the collector's own first budget is about as large: nothing to gain, and starting costs a collection (of a heap still nearly empty).</summary>
    public const long Floor = 24L << 20;

    /// <summary>The largest budget, whatever the input.</summary>
    public const long Cap = 512L << 20;

    /// <summary>The budget for templates of <paramref name="inputBytes"/> in a process that may use <paramref name="availableBytes"/>; 0 for none (the collector's own).</summary>
    public static long For(long inputBytes, long availableBytes)
    {
        long wanted = inputBytes >= Cap / PerInputByte ? Cap : Math.Max(0, inputBytes) * PerInputByte;
        long budget = Math.Min(wanted, Math.Min(Cap, availableBytes / 4));
        return budget >= Floor ? budget : 0;
    }

    /// <summary>
    /// Lets this process allocate <see cref="For"/> the named templates before a collection (see <see cref="ForTemplates"/>).
    /// For the process's own entry point only, once: the budget is the process's.
    /// </summary>
    public static void Reserve(IReadOnlyList<string> templates)
    {
        long budget = ForTemplates(templates, Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        if (budget == 0)
        {
            return;
        }

        try
        {
            GC.TryStartNoGCRegion(budget);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than this collector can set aside, or a budget already set: its own budget serves.
        }
    }

    /// <summary>
    /// The budget for the named templates (the files among them: not folders, globs or standard input) when they are
    /// all in flight at once: at most as many as a batch works on at once (<paramref name="workers"/>), and at least
    /// the two a diff holds; 0 for a longer batch, left to <see cref="BatchHeap"/>, whose files are not looked at here
    /// (a batch of hundreds would wait for as many system calls before it starts).
    /// </summary>
    public static long ForTemplates(IReadOnlyList<string> templates, int workers, long availableBytes)
    {
        if (templates.Count > Math.Max(2, workers))
        {
            return 0;
        }

        long bytes = 0;
        foreach (var template in templates)
        {
            try
            {
                if (new FileInfo(template) is { Exists: true } file)
                {
                    bytes += file.Length;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // Not a file this can size: the command says what is wrong with it.
            }
        }

        return For(bytes, availableBytes);
    }
}
