using System.Text;

namespace SamPerms.Cli.Outputs;

/// <summary>
/// A text builder each thread keeps for the outputs it writes: a batch writes megabytes of JSON, and a new builder
/// per template (its chunks, then the string made of them) was a sixth of what the batch allocated.
/// </summary>
internal static class OutputBuilder
{
    /// <summary>Builders that grew past this (a huge template's output) are let go, not kept.</summary>
    private const int KeptCapacity = 1 << 20;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>An empty builder; give it back with <see cref="Give"/> once its text is written.</summary>
    public static StringBuilder Take()
    {
        var sb = t_builder ?? new StringBuilder(16 * 1024);
        t_builder = null;
        return sb;
    }

    public static void Give(StringBuilder sb)
    {
        if (sb.Capacity <= KeptCapacity)
        {
            sb.Clear(); // one chunk of the capacity it reached: the next output of that size needs no new one
            t_builder = sb;
        }
    }
}
