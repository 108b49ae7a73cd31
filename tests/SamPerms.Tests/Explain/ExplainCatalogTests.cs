using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Permissions.Explain;
using SamPerms.Sam;
using SamPerms.Tests.Support;
using Xunit.Abstractions;

namespace SamPerms.Tests.Explain;

/// <summary>Every kind of generated resource and cause the corpus produces has its own sentence in the catalog.</summary>
public sealed class ExplainCatalogTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Every_kind_the_corpus_produces_has_an_entry()
    {
        var corpus = RepoPaths.Corpus;
        Skip.If(corpus is null, "the reference corpus is not here; catalog completeness is checked against it");
        var missing = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, string> { ["param1"] = "value1", ["param2"] = "value2" };
        foreach (var file in Directory.GetFiles(Path.Combine(corpus!, "input"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var options = new TransformOptions { Region = "us-east-1", ParameterOverrides = parameters };
            var outcome = SamTranslator.TransformBytes(File.ReadAllBytes(file), options);
            if (!outcome.Succeeded)
            {
                continue;
            }

            var report = ExplainBuilder.Build(outcome, new StaticValues(outcome.Template!, "us-east-1", "aws", parameters));
            foreach (var g in report.Resources.SelectMany(r => r.Groups))
            {
                foreach (var r in g.Resources)
                {
                    var key = ExplainCatalog.Key(g.CauseKind, r.Type, r.Modified);
                    seen.Add(key);
                    if (!ExplainCatalog.Has(g.CauseKind, r.Type, r.Modified))
                    {
                        missing.TryAdd(key, Path.GetFileNameWithoutExtension(file));
                    }
                }
            }
        }

        output.WriteLine($"{seen.Count} kinds of generated resource and cause in the corpus");
        Assert.True(missing.Count == 0, $"{missing.Count} kinds have no sentence:\n" + string.Join("\n", missing.Select(m => $"{m.Key}  (e.g. {m.Value})")));
    }

    [Fact]
    public void Every_entry_names_the_generated_resources()
    {
        foreach (var key in ExplainCatalog.Keys)
        {
            var parts = key.Split('|');
            var context = new ExplainContext("Fn", "Events.E", [new GeneratedResource("X1", parts[1], parts[0] == "changes", ["P"])], new MapNode(), new StaticValues(new MapNode(), "us-east-1", "aws", new Dictionary<string, string>()));
            var sentence = ExplainCatalog.Sentence(parts[0], parts[1], parts[0] == "changes", context);
            Assert.Contains(ExplainContext.IdStart + "X1" + ExplainContext.IdEnd, sentence, StringComparison.Ordinal);
            Assert.DoesNotContain("{", sentence.Replace("${", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}
