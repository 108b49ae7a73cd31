using SamPerms.Model;
using SamPerms.Yaml;

namespace SamPerms.Data;

/// <summary>One SAM policy template: its parameters and the policy document it expands to.</summary>
public sealed record PolicyTemplate(string Name, IReadOnlyList<string> Parameters, MapNode Definition);

/// <summary>The 81 SAM policy templates, derived from SAM's policy_templates.json.</summary>
public static class PolicyTemplateTable
{
    private static readonly Lazy<Dictionary<string, PolicyTemplate>> Table = new(Load);

    public static bool Has(string name) => Table.Value.ContainsKey(name);

    public static PolicyTemplate? Get(string name) => Table.Value.GetValueOrDefault(name);

    public static IEnumerable<string> Names => Table.Value.Keys;

    private static Dictionary<string, PolicyTemplate> Load()
    {
        var read = TemplateReader.ReadText(EmbeddedData.ReadText("policy-templates.json"));
        var root = (MapNode)read.Root!;
        var table = new Dictionary<string, PolicyTemplate>(StringComparer.Ordinal);
        foreach (var e in root.Entries)
        {
            var t = (MapNode)e.Value;
            var parameters = ((SeqNode)t.Get("Parameters")!).Items.Select(p => p.Str!).ToArray();
            table[e.Key] = new PolicyTemplate(e.Key, parameters, (MapNode)t.Get("Definition")!);
        }

        return table;
    }
}
