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

    // How many copies ahead a table that came from copies is followed to find the cycle its copies settle into.
    private const int LookAhead = 8;

    /// <summary>The table after <paramref name="count"/> copies of a map whose keys iterate in <paramref name="table"/>'s order.</summary>
    /// <remarks>
    /// Each copy is a new table filled in the current order. Copies of a table end in a fixed table or a repeating
    /// cycle (a copy can swap colliding keys back and forth); once found, the tables remember it, and any number of
    /// further copies costs nothing until the map changes. A table that itself came from copies is followed a few
    /// copies further than asked, to find that cycle the first time instead of paying for two copies each time.
    /// </remarks>
    public static Py27Keys Apply(Py27Keys table, int count)
    {
        if (count <= 0 || table.CopyIsIdentity)
        {
            return table;
        }

        if (table.AfterCopiesInCycle(count) is { } known)
        {
            return known;
        }

        // A small table whose copy changes nothing is known so without making the copy.
        if (table.RefillKeepsSmallTable() == true)
        {
            table.CopyIsIdentity = true;
            table.FromCopies = true;
            return table;
        }

        // A big table copies through its trace, at the cost of the keys a copy moves.
        while (count > 0 && table.TracedCopy() is { } copied)
        {
            table = copied;
            count--;
        }

        if (count == 0 || table.CopyIsIdentity)
        {
            return table;
        }

        int explore = table.FromCopies ? Math.Max(count, LookAhead) : count;
        var seen = new List<Py27Keys>(Math.Min(explore, LookAhead) + 1) { table };
        Py27Keys result;
        while (true)
        {
            var current = seen[^1];
            int done = seen.Count - 1;
            if (done >= explore)
            {
                result = seen[count];
                break;
            }

            var next = Py27Keys.Refilled(current);
            int earlier = seen.FindIndex(t => t.SameTable(next));
            if (earlier < 0)
            {
                seen.Add(next);
                continue;
            }

            // The tables repeat from copy `earlier` on, every `period` copies (a fixed table: period 1).
            next.Release();
            int period = done + 1 - earlier;
            if (period == 1)
            {
                seen[earlier].CopyIsIdentity = true;
            }
            else
            {
                Py27Keys.FormCycle(seen.GetRange(earlier, period).ToArray());
            }

            result = count < seen.Count ? seen[count] : seen[earlier + ((count - earlier) % period)];
            break;
        }

        // Tables no map holds and no cycle keeps: their arrays are reused.
        for (int i = 1; i < seen.Count; i++)
        {
            if (!ReferenceEquals(seen[i], result) && !seen[i].InCycle && !seen[i].CopyIsIdentity)
            {
                seen[i].Release();
            }
        }

        result.FromCopies = true;
        return result;
    }
}
