using SamPerms.Model.Py27;

namespace SamPerms.Model;

/// <summary>
/// Deep copies the reference made of a tree that SamPerms keeps editing in place (<see cref="Node.DeferDeepCopies"/>).
/// A copy re-inserts every Python 2.7 dict's keys, in iteration order, into a new table, which may change that
/// order; nothing else about a copy can be seen once the original is dropped. A map or list keeps the count it was
/// given and, when it is next read, applies it to its own order and passes it on to its children: so the cost
/// follows what is read, not the size of the tree, and the result is the order the copies would have given.
/// </summary>
internal static class DeferredCopies
{
    /// <summary>Passes <paramref name="count"/> copies on to each child; returns the count left (none).</summary>
    public static int PassOn(int count, List<Node> children)
    {
        foreach (var child in children)
        {
            child.DeferDeepCopies(count);
        }

        return 0;
    }

    /// <summary>The table after <paramref name="count"/> copies of a map whose keys iterate in <paramref name="table"/>'s order.</summary>
    /// <remarks>
    /// Each copy is a new table filled in the current order. A table that a copy leaves as it is stays so (the
    /// table remembers it); a repeating cycle of tables (a copy can swap two colliding keys back and forth) is
    /// skipped over by its length, so many deferred copies cost a few re-insertions.
    /// </remarks>
    public static Py27Keys Apply(Py27Keys table, int count)
    {
        if (table.AfterCopiesInCycle(count) is { } known)
        {
            return known;
        }

        var seen = new List<Py27Keys>(4) { table };
        var current = table;
        for (int done = 0; done < count; done++)
        {
            if (current.CopyIsIdentity)
            {
                return current;
            }

            var next = Py27Keys.Refilled(current);
            if (next.SameTable(current))
            {
                next.Release();
                current.CopyIsIdentity = true;
                return current;
            }

            int earlier = seen.FindIndex(t => t.SameTable(next));
            if (earlier >= 0)
            {
                // The tables repeat with period (done + 1 - earlier): only the remainder of the copies still counts.
                int period = done + 1 - earlier;
                int left = (count - done - 1) % period;
                Py27Keys.FormCycle(seen.GetRange(earlier, period).ToArray());
                next.Release();
                for (int i = 1; i < earlier; i++)
                {
                    seen[i].Release(); // a table on the way into the cycle, which no map holds
                }

                return seen[earlier + left];
            }

            seen.Add(next);
            current = next;
        }

        for (int i = 1; i < seen.Count - 1; i++)
        {
            seen[i].Release(); // a table between the first and the last copy, which no map holds
        }

        return current;
    }
}
