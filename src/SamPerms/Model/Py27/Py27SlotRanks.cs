using System.Numerics;

namespace SamPerms.Model.Py27;

/// <summary>
/// Which slots of a table hold a key, and the rank of each (how many keys sit in the slots up to it): a bit per slot,
/// and a Fenwick tree counting the keys of each 64-slot word, so that a rank, an update or the slot of a rank costs a
/// walk over the words (a logarithm of the slots over 64) and one word's bits, not a walk over every slot's level.
/// </summary>
internal sealed class Py27SlotRanks
{
    private readonly ulong[] _bits;
    private readonly int[] _tree; // 1-based, over the words: keys in each word's range of words

    /// <param name="slots">The table's size (a power of two).</param>
    public Py27SlotRanks(int slots)
    {
        int words = Math.Max(1, slots / 64);
        _bits = new ulong[words];
        _tree = new int[words + 1];
    }

    public void Set(int slot)
    {
        _bits[slot >> 6] |= 1UL << slot;
        Count(slot >> 6, 1);
    }

    public void Clear(int slot)
    {
        _bits[slot >> 6] &= ~(1UL << slot);
        Count(slot >> 6, -1);
    }

    /// <summary>How many keys sit in the slots up to and including <paramref name="slot"/>.</summary>
    public int Rank(int slot)
    {
        int word = slot >> 6;
        int sum = 0;
        for (int i = word; i > 0; i -= i & -i)
        {
            sum += _tree[i];
        }

        ulong upTo = (slot & 63) == 63 ? ulong.MaxValue : (1UL << ((slot & 63) + 1)) - 1;
        return sum + BitOperations.PopCount(_bits[word] & upTo);
    }

    /// <summary>The slot of the key of rank <paramref name="rank"/> (from 1), or -1 when there are fewer keys.</summary>
    public int SlotOfRank(int rank)
    {
        int n = _bits.Length; // a power of two
        int word = 0;
        int left = rank;
        for (int step = n; step > 0; step >>= 1)
        {
            int next = word + step;
            if (next <= n && _tree[next] < left)
            {
                word = next;
                left -= _tree[next];
            }
        }

        if (word >= n)
        {
            return -1;
        }

        ulong bits = _bits[word];
        for (int i = 1; i < left; i++)
        {
            bits &= bits - 1;
        }

        return bits == 0 ? -1 : (word << 6) + BitOperations.TrailingZeroCount(bits);
    }

    private void Count(int word, int delta)
    {
        for (int i = word + 1; i < _tree.Length; i += i & -i)
        {
            _tree[i] += delta;
        }
    }
}
