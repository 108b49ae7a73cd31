using SamPerms.Model;

namespace SamPerms.Tests.Tree;

/// <summary>
/// Py.Hash agrees with Py.Equal: every pair of values Python finds equal hashes alike (1, 1.0 and True; None and an
/// absent value; maps whatever their key order; lists item by item), over generated trees; and a list index finds
/// items by that equality, as `item in list` does.
/// </summary>
public sealed class PyHashTests
{
    private static readonly Func<Node?>[] Atoms =
    [
        () => null, () => NullNode.Instance, () => new IntNode(1), () => new FloatNode(1.0), () => BoolNode.True,
        () => new IntNode(0), () => new FloatNode(-0.0), () => BoolNode.False, () => new FloatNode(2.5),
        () => new StringNode("1"), () => new StringNode("a"), () => new StringNode("a") { Unicode = true }, () => new StringNode(""),
    ];

    private static Node? Make(Random random, int depth)
    {
        int pick = random.Next(depth > 0 ? 4 : 1);
        if (pick == 0)
        {
            return Atoms[random.Next(Atoms.Length)]();
        }

        if (pick == 1)
        {
            var list = new SeqNode();
            for (int i = random.Next(3); i > 0; i--)
            {
                list.Add(Make(random, depth - 1) ?? NullNode.Instance);
            }

            return list;
        }

        // A map of a few keys, inserted in a random order: equal maps may iterate differently.
        var keys = new[] { "k", "Function", "Event" }.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
        var map = new MapNode();
        foreach (var key in keys)
        {
            map.Set(key, Make(random, depth - 1) ?? NullNode.Instance);
        }

        return map;
    }

    [Fact]
    public void Values_python_finds_equal_hash_alike()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 3000).Select(_ => Make(random, 2)).ToList();
        int equalPairs = 0;
        for (int i = 0; i < values.Count; i++)
        {
            for (int j = i + 1; j < Math.Min(values.Count, i + 60); j++)
            {
                if (Py.Equal(values[i], values[j]))
                {
                    equalPairs++;
                    Assert.True(Py.Hash(values[i]) == Py.Hash(values[j]), $"{Py.Repr(values[i])} == {Py.Repr(values[j])} but their hashes differ");
                }
            }
        }

        Assert.True(equalPairs > 1000, $"only {equalPairs} equal pairs: the generator no longer makes values that are equal in different forms");
    }

    [Fact]
    public void Maps_in_another_key_order_and_numbers_in_another_type_hash_alike()
    {
        var a = N.Map(("Function", N.GetAtt("Fn", "Arn")), ("Event", "s3:ObjectCreated:*"), ("N", new IntNode(1)));
        var b = N.Map(("N", BoolNode.True), ("Event", "s3:ObjectCreated:*"), ("Function", N.GetAtt("Fn", "Arn")));
        Assert.True(Py.Equal(a, b));
        Assert.Equal(Py.Hash(a), Py.Hash(b));
        Assert.Equal(Py.Hash(null), Py.Hash(NullNode.Instance));
        Assert.Equal(Py.Hash(new FloatNode(0.0)), Py.Hash(new FloatNode(-0.0)));
    }

    [Fact]
    public void A_list_index_finds_items_by_python_equality_and_adds_only_what_is_missing()
    {
        var list = N.Seq(N.Map(("Event", "x"), ("Function", "f")), new IntNode(1), new StringNode("a"));
        var index = new PyListIndex(list);
        Assert.True(index.Contains(N.Map(("Function", "f"), ("Event", "x"))));
        Assert.True(index.Contains(new FloatNode(1.0)));
        Assert.False(index.Contains(new StringNode("1")));
        Assert.False(index.AddIfMissing(BoolNode.True));
        Assert.True(index.AddIfMissing(new StringNode("b")));
        Assert.False(index.AddIfMissing(new StringNode("b")));
        Assert.Equal(4, list.Count);
        Assert.True(index.Follows(list));

        list.Add(new StringNode("c")); // changed behind the index's back
        Assert.False(index.Follows(list));
    }
}
