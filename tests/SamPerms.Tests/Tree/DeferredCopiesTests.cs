using SamPerms.Model;

namespace SamPerms.Tests.Tree;

/// <summary>
/// A tree edited in place with its deep copies deferred reads exactly as the same edits on real deep copies: the
/// order of every Python 2.7 map (which copies can change, and even swap back and forth) and everything else.
/// Random edits on maps with many colliding keys, checked after every step.
/// </summary>
public sealed class DeferredCopiesTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (int seed = 1; seed <= 60; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Deferred_copies_read_as_real_copies(int seed)
    {
        var random = new Random(seed);
        var copied = MapNode.NewPy27();
        var deferred = MapNode.NewPy27();
        for (int step = 0; step < 300; step++)
        {
            int op = random.Next(10);
            if (op < 2)
            {
                int times = random.Next(1, 4);
                for (int i = 0; i < times; i++)
                {
                    copied = (MapNode)copied.Clone();
                }

                deferred.DeferDeepCopies(times);
            }
            else
            {
                // The same edit on both: a key into the root, or into (or under) one of its maps.
                var path = new List<string>();
                var key = Key(random);
                var maps = MapKeys(copied);
                if (op >= 5 && maps.Count > 0)
                {
                    path.Add(maps[random.Next(maps.Count)]);
                    var inner = MapKeys((MapNode)copied.Get(path[0])!);
                    if (op >= 8 && inner.Count > 0)
                    {
                        path.Add(inner[random.Next(inner.Count)]);
                    }
                }

                Edit(copied, path, key, op);
                Edit(deferred, path, key, op);
            }

            if (random.Next(8) == 0)
            {
                // Reading applies what was deferred: compare now and then, so that copies also pile up unread.
                Assert.Equal(JsonText.Compact(copied), JsonText.Compact(deferred));
            }
        }

        Assert.Equal(JsonText.Compact(copied), JsonText.Compact(deferred));
    }

    // A big map finds keys by its index and takes its table's order only when read in order: keys added between
    // copies, copies piled up unread, reads in order now and then, a removal now and then.
    [Theory]
    [InlineData(1, 120)]
    [InlineData(2, 700)]
    [InlineData(3, 1500)]
    [InlineData(4, 3000)]
    public void Deferred_copies_of_a_big_map_read_as_real_copies(int seed, int keys)
    {
        var random = new Random(seed);
        var copied = MapNode.NewPy27();
        var deferred = MapNode.NewPy27();
        for (int i = 0; i < keys; i++)
        {
            var key = random.Next(3) == 0 ? Key(random) + i : "/items" + random.Next(keys * 4) + "/{id}";
            copied.Set(key, new StringNode(key));
            deferred.Set(key, new StringNode(key));
            int times = random.Next(4);
            for (int c = 0; c < times; c++)
            {
                copied = (MapNode)copied.Clone();
            }

            deferred.DeferDeepCopies(times);
            if (random.Next(keys / 10) == 0)
            {
                Assert.Equal(string.Join(",", copied.Keys), string.Join(",", deferred.Keys));
            }

            if (random.Next(keys) == 0)
            {
                var gone = copied.Keys.First();
                copied.Remove(gone);
                deferred.Remove(gone);
            }
        }

        Assert.Equal(string.Join(",", copied.Keys), string.Join(",", deferred.Keys));
    }

    [Fact]
    public void A_copy_of_a_tree_with_deferred_copies_applies_them_first()
    {
        var map = MapNode.NewPy27();
        for (int i = 0; i < 40; i++)
        {
            map.Set(Key(new Random(i)) + i, MapNode.NewPy27().Set("b" + i, "x").Set("a" + i, "y"));
        }

        var expected = (MapNode)((MapNode)map.Clone()).Clone();
        map.DeferDeepCopies(1);
        Assert.Equal(JsonText.Compact(expected), JsonText.Compact(map.Clone()));
    }

    private static List<string> MapKeys(MapNode map) => map.Entries.Where(e => e.Value is MapNode).Select(e => e.Key).ToList();

    private static void Edit(MapNode root, List<string> path, string key, int op)
    {
        var target = root;
        foreach (var step in path)
        {
            target = (MapNode)target.Get(step)!;
        }

        if (op == 4 && target.Count > 0)
        {
            target.Remove(target.Keys.First());
        }
        else
        {
            target.Set(key, op % 3 == 0 ? new StringNode(key) : MapNode.NewPy27());
        }
    }

    // Short keys from a small alphabet: many collide in a table of 8 or 32 slots.
    private static string Key(Random random)
    {
        const string alphabet = "abcdefgh/{}";
        int length = random.Next(1, 4);
        return string.Create(length, random, (span, r) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }
}
