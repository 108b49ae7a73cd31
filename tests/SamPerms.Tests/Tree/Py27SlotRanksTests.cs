using SamPerms.Model.Py27;

namespace SamPerms.Tests.Tree;

/// <summary>The ranks of a table's slots, through random sets and clears, against a count of the slots one by one.</summary>
public sealed class Py27SlotRanksTests
{
    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 64)]
    [InlineData(3, 128)]
    [InlineData(4, 2048)]
    public void Ranks_and_slots_of_ranks_are_the_counts_of_the_slots(int seed, int size)
    {
        var random = new Random(seed);
        var ranks = new Py27SlotRanks(size);
        var held = new bool[size];
        for (int round = 0; round < 3000; round++)
        {
            int slot = random.Next(size);
            if (held[slot])
            {
                ranks.Clear(slot);
            }
            else
            {
                ranks.Set(slot);
            }

            held[slot] = !held[slot];
            int probe = random.Next(size);
            Assert.Equal(held.Take(probe + 1).Count(h => h), ranks.Rank(probe));
            int keys = held.Count(h => h);
            int rank = random.Next(1, keys + 2);
            int expected = -1;
            for (int s = 0, seen = 0; s < size; s++)
            {
                if (held[s] && ++seen == rank)
                {
                    expected = s;
                    break;
                }
            }

            Assert.Equal(expected, ranks.SlotOfRank(rank));
        }
    }
}
