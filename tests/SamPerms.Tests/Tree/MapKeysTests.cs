using SamPerms.Model;

namespace SamPerms.Tests.Tree;

/// <summary>
/// A map answers ContainsKey as its keys say, whatever edits it went through (big maps mark removed entries and keep
/// counts for quick answers): random adds, sets, removes, updates, copies and clears on plain and Python 2.7 maps.
/// </summary>
public sealed class MapKeysTests
{
    private static readonly string[] Keys = ["Fn::If", "Fn::Sub", "Fn::GetAtt", "Ref", "get", "post", "paths", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p"];

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void ContainsKey_agrees_with_the_keys(int seed, bool py27) =>
        EditRandomly(seed, py27, (_, text) => new StringNode(text), map =>
        {
            var present = map.Keys.ToHashSet(StringComparer.Ordinal);
            Assert.Equal(present.Count, map.Count);
            foreach (var k in Keys)
            {
                Assert.Equal(present.Contains(k), map.ContainsKey(k));
                Assert.Equal(present.Contains(k), map.Get(k) is not null);
            }
        });

    /// <summary>
    /// Each entry knows whether its value is a map or a list (the walks that skip scalars trust it): after random sets
    /// of values of every kind, updates, copies, removals and reorderings, on plain and Python 2.7 maps.
    /// </summary>
    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    public void An_entry_knows_a_container_from_a_scalar(int seed, bool py27) =>
        EditRandomly(seed, py27, (random, _) => random.Next(5) switch
        {
            0 => new MapNode().Set("x", "y"),
            1 => new SeqNode([new StringNode("z")]),
            2 => new IntNode(random.Next(9)),
            3 => NullNode.Instance,
            _ => new StringNode("s"),
        }, map =>
        {
            foreach (var e in map.Entries)
            {
                Assert.Equal(e.Value is MapNode or SeqNode, e.IsContainer);
            }
        });

    /// <summary>
    /// 3,000 random edits of a plain or Python 2.7 map (removes, deep and shallow copies, updates, sets, now and then a
    /// clear), each followed by <paramref name="check"/>; <paramref name="value"/> makes each value set (from the
    /// random source and a text: the key, or "u" and "v" in an update).
    /// </summary>
    private static void EditRandomly(int seed, bool py27, Func<Random, string, Node> value, Action<MapNode> check)
    {
        var random = new Random(seed);
        var map = py27 ? MapNode.NewPy27() : new MapNode();
        for (int step = 0; step < 3000; step++)
        {
            var key = Keys[random.Next(Keys.Length)];
            switch (random.Next(8))
            {
                case 0:
                    map.Remove(key);
                    break;
                case 1:
                    map = random.Next(2) == 0 ? (MapNode)map.Clone() : map.ShallowCopy();
                    break;
                case 2:
                    var other = new MapNode();
                    other.Set(Keys[random.Next(Keys.Length)], value(random, "u")).Set(key, value(random, "v"));
                    map.Update(other);
                    break;
                case 3 when random.Next(50) == 0:
                    map.Clear();
                    break;
                default:
                    map.Set(key, value(random, key));
                    break;
            }

            check(map);
        }
    }

    /// <summary>
    /// A plain map keeps keys in insertion order and each key's own value, as a Python 3 dict does, through removals
    /// of many keys at once (a big map closes its gaps and moves its index's positions in place).
    /// </summary>
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Values_and_order_follow_a_dict(int seed)
    {
        var random = new Random(seed);
        var map = new MapNode();
        var model = new List<(string Key, string Value)>();
        for (int step = 0; step < 4000; step++)
        {
            var key = "k" + random.Next(60);
            int at = model.FindIndex(e => e.Key == key);
            if (random.Next(3) == 0)
            {
                Assert.Equal(at >= 0, map.Remove(key));
                if (at >= 0)
                {
                    model.RemoveAt(at);
                }
            }
            else
            {
                var value = key + "@" + step;
                map.Set(key, value);
                if (at >= 0)
                {
                    model[at] = (key, value);
                }
                else
                {
                    model.Add((key, value));
                }
            }

            if (random.Next(4) == 0)
            {
                Assert.Equal(model.Select(e => e.Key), map.Keys);
            }

            foreach (var (k, v) in model)
            {
                Assert.Equal(v, map.Get(k)?.Str);
            }
        }
    }
}
