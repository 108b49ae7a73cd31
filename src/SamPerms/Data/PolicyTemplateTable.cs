using System.Collections.Concurrent;
using SamPerms.Model;
using SamPerms.Yaml;

namespace SamPerms.Data;

/// <summary>One SAM policy template: its parameters and the policy document it expands to.</summary>
public sealed record PolicyTemplate(string Name, IReadOnlyList<string> Parameters, MapNode Definition);

/// <summary>
/// The 81 SAM policy templates, derived from SAM's policy_templates.json. The file is indexed once (names and where
/// each template starts); a template is parsed the first time it is asked for, with the spans a parse of the whole
/// file gives, so a run that uses two templates does not build the other 79.
/// </summary>
public static class PolicyTemplateTable
{
    private static readonly Lazy<Index> Table = new(Load);

    public static bool Has(string name) => Table.Value.Where.ContainsKey(name);

    public static PolicyTemplate? Get(string name) => Table.Value.Get(name);

    /// <summary>The names, in the file's order.</summary>
    public static IEnumerable<string> Names => Table.Value.Names;

    private static Index Load()
    {
        var text = EmbeddedData.ReadText("policy-templates.json");
        var members = new JsonTemplateParser(text, ReaderLimits.Default).Members()
            ?? throw new InvalidOperationException("embedded policy-templates.json is not a JSON object");
        return new Index(text, members);
    }

    private sealed class Index(string text, List<JsonTemplateParser.Member> members)
    {
        private readonly ConcurrentDictionary<string, PolicyTemplate> _parsed = new(StringComparer.Ordinal);

        public Dictionary<string, JsonTemplateParser.Member> Where { get; } = members.ToDictionary(m => m.Key, StringComparer.Ordinal);

        public List<string> Names { get; } = members.Select(m => m.Key).ToList();

        public PolicyTemplate? Get(string name) =>
            Where.TryGetValue(name, out var member) ? _parsed.GetOrAdd(name, _ => Build(member)) : null;

        private PolicyTemplate Build(JsonTemplateParser.Member member)
        {
            var t = (MapNode)new JsonTemplateParser(text, ReaderLimits.Default).ParseMember(member);
            var parameters = ((SeqNode)t.Get("Parameters")!).Items.Select(p => p.Str!).ToArray();
            return new PolicyTemplate(member.Key, parameters, (MapNode)t.Get("Definition")!);
        }
    }
}
