using SamPerms.Model.Py27;

namespace SamPerms.Tests.Tree;

/// <summary>
/// A big Python 2.7 table copied through its trace (which moves only what changed since the last copy, in the table
/// it keeps for the copy) gives, copy after copy, the very table a refill from scratch gives: keys added between
/// copies, one to three copies in a row, tables whose copies settle, swap keys back and forth, or grow.
/// </summary>
public sealed class TracedCopiesTests
{
    [Theory]
    [InlineData(1, 100, 0)]
    [InlineData(2, 700, 0)]
    [InlineData(3, 100, 40)]
    [InlineData(4, 700, 300)]
    [InlineData(5, 1500, 300)]
    public void Traced_copies_give_the_tables_of_refills(int seed, int keys, int adds)
    {
        var random = new Random(seed);
        var table = new Py27Keys();
        for (int i = 0; i < keys; i++)
        {
            table.Add("/items" + random.Next(keys * 4) + "/{id}" + i);
        }

        var refilled = Py27Keys.Refilled(table);
        var traced = table.ExactCopy().TracedCopy()!;
        Assert.Equal(refilled.Keys(), traced.Keys());
        for (int a = 0; a < adds; a++)
        {
            var key = "k" + random.Next(100000) + "x" + a;
            refilled.Add(key);
            traced.Add(key);
            for (int times = random.Next(1, 4); times > 0; times--)
            {
                refilled = Py27Keys.Refilled(refilled);
                traced = traced.TracedCopy() ?? Py27Keys.Refilled(traced); // none when the copy grows: refilled as before
                Assert.Equal(refilled.Keys(), traced.Keys());
            }
        }
    }
}
