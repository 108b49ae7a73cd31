namespace SamPerms.Permissions.Baseline;

/// <summary>How one line of a changed row's cell differs from the version before.</summary>
public enum LineChange
{
    Same,
    Added,
    Removed,
}

/// <summary>One value of a cell (a resource, an action, a condition line) and whether the change added or removed it.</summary>
public sealed record CellLine(LineChange Change, string Value)
{
    /// <summary>"+ v", "- v", "  v": the value with its mark, for a cell whose lines differ.</summary>
    public string Marked => (Change switch { LineChange.Added => "+ ", LineChange.Removed => "- ", _ => "  " }) + Value;
}

/// <summary>
/// A cell of a changed row: the values now, in their order, with the ones added marked, then the ones removed —
/// all of them, so a reviewer sees the whole statement and exactly what moved.
/// </summary>
public static class CellDiff
{
    public static IReadOnlyList<CellLine> Of(IReadOnlyList<string>? before, IReadOnlyList<string> after, StringComparer comparer)
    {
        if (before is null)
        {
            return [.. after.Select(v => new CellLine(LineChange.Same, v))];
        }

        var lines = after.Select(v => new CellLine(before.Contains(v, comparer) ? LineChange.Same : LineChange.Added, v)).ToList();
        lines.AddRange(before.Where(v => !after.Contains(v, comparer)).Select(v => new CellLine(LineChange.Removed, v)));
        return lines;
    }

    /// <summary>True when some line was added or removed.</summary>
    public static bool Differs(IReadOnlyList<CellLine> lines) => lines.Any(l => l.Change != LineChange.Same);

    /// <summary>The values the change added (or removed).</summary>
    public static IReadOnlyList<string> Values(IReadOnlyList<CellLine> lines, LineChange change) => [.. lines.Where(l => l.Change == change).Select(l => l.Value)];
}
