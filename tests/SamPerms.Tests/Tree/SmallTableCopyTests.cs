using SamPerms.Model.Py27;

namespace SamPerms.Tests.Tree;

/// <summary>
/// Whether a deep copy gives a small Python 2.7 table back, found without making the copy, is what making the copy
/// and comparing says: random tables of up to five keys (colliding ones among them, some after a copy), and no answer
/// for a table that grew or holds a deleted slot (after a removal).
/// </summary>
public sealed class SmallTableCopyTests
{
    [Fact]
    public void A_small_table_knows_whether_its_copy_is_itself()
    {
        var random = new Random(7);
        int same = 0, different = 0;
        for (int round = 0; round < 4000; round++)
        {
            var table = new Py27Keys();
            int keys = random.Next(0, 6);
            for (int k = 0; k < keys; k++)
            {
                table.Add("k" + random.Next(40));
            }

            if (round % 3 == 0)
            {
                table = Py27Keys.Refilled(table);
            }

            bool removed = keys > 0 && round % 5 == 0;
            if (removed)
            {
                table.Remove(table.Keys()[0]);
            }

            var answer = table.RefillKeepsSmallTable();
            if (removed)
            {
                Assert.Null(answer); // a deleted slot: no answer, the caller makes the copy
                continue;
            }

            Assert.NotNull(answer);
            bool expected = Py27Keys.Refilled(table).SameTable(table);
            Assert.Equal(expected, answer.Value);
            if (expected)
            {
                same++;
            }
            else
            {
                different++;
            }
        }

        Assert.True(same > 100 && different > 100, $"both answers seen ({same} same, {different} different)");
        var grown = new Py27Keys();
        for (int k = 0; k < 6; k++)
        {
            grown.Add("g" + k);
        }

        Assert.Null(grown.RefillKeepsSmallTable());
    }
}
