using SamPerms.Model;

namespace SamPerms.Tests.Robustness;

/// <summary>
/// The escaping mutation: text a hostile template author would hide in a string — line breaks followed by GitHub
/// Actions workflow commands, terminal escapes, BEL, Markdown and HTML — put into a string value or a map key of
/// the mutant. Every output the harness renders from it must then keep <see cref="Support.OutputInvariants"/>.
/// </summary>
public static class HostileStrings
{
    public static readonly string[] Fragments =
    [
        "\n::add-mask::x", "\r\n::error file=a::x", "\n  ::warning::x", "::notice::x", "\u001b[31m", "\u001b]8;;http://e\u0007",
        "\u0007", "\u009b2J", "`", "``", "|", "<script>x</script>", "##[set-env name=A;]b", "\u2028", "\u202e", "\t", "\r", "$x$", "*_[x](y)_*",
    ];

    /// <summary>
    /// With its own random stream (the other mutations' draws are unchanged), half of the mutants get a fragment
    /// added to, or put in place of, one string value or key.
    /// </summary>
    public static void Inject(MapNode root, int seed)
    {
        var random = new Random(seed ^ 0x5eed);
        if (random.Next(2) == 0)
        {
            return;
        }

        var places = TemplateMutator.AllNodes(root).Where(p => p.Parent is not null).ToList();
        var strings = places.Where(p => p.Node is StringNode).ToList();
        var keyed = places.Where(p => p.Parent is MapNode && p.Key is not null).ToList();
        var fragment = Fragments[random.Next(Fragments.Length)];
        if (random.Next(3) > 0 && strings.Count > 0)
        {
            var place = strings[random.Next(strings.Count)];
            var value = ((StringNode)place.Node).Value;
            var text = random.Next(2) == 0 ? value + fragment : fragment + value;
            switch (place.Parent)
            {
                case MapNode m:
                    m.Set(place.Key!, new StringNode(text));
                    break;
                case SeqNode s:
                    s[place.Index] = new StringNode(text);
                    break;
            }
        }
        else if (keyed.Count > 0)
        {
            var place = keyed[random.Next(keyed.Count)];
            var m = (MapNode)place.Parent!;
            var key = place.Key + fragment;
            if (m.ContainsKey(key))
            {
                return;
            }

            var renamed = new MapNode();
            foreach (var e in m.Entries)
            {
                renamed.Set(e.Key == place.Key ? key : e.Key, e.Value);
            }

            m.ReplaceWith(renamed);
        }
    }
}
