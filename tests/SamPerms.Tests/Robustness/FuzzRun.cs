using System.Text;
using SamPerms.Model;
using SamPerms.Yaml;

namespace SamPerms.Tests.Robustness;

/// <summary>
/// Mutates a set of templates a fixed number of times each and collects the findings, grouped by the place in
/// SamPerms they come from. SAMPERMS_FUZZ_SCALE multiplies the number of mutants (for a longer hunt), and
/// SAMPERMS_FUZZ_REPORT names a file to write every group with an example mutant to.
/// </summary>
public static class FuzzRun
{
    public static int Scale => int.TryParse(Environment.GetEnvironmentVariable("SAMPERMS_FUZZ_SCALE"), out var s) && s > 0 ? s : 1;

    public sealed record Summary(int Mutants, IReadOnlyList<IGrouping<string, FuzzHarness.Finding>> Groups)
    {
        public bool Clean => Groups.Count == 0;

        public string Describe(int examples = 12)
        {
            var sb = new StringBuilder();
            sb.Append(Groups.Count).Append(" kinds of failure in ").Append(Mutants).AppendLine(" mutants:");
            foreach (var g in Groups.Take(examples))
            {
                var first = g.First();
                sb.Append("- ").Append(g.Key).Append(" (").Append(g.Count()).Append("x): ").AppendLine(first.Detail);
            }

            return sb.ToString();
        }
    }

    public static Summary Run(IEnumerable<(string Name, MapNode Template)> templates, int mutantsPerTemplate)
    {
        var findings = new List<FuzzHarness.Finding>();
        int mutants = 0;
        foreach (var (name, template) in templates)
        {
            for (int i = 0; i < mutantsPerTemplate * Scale; i++)
            {
                var mutant = TemplateMutator.Mutate(template, TemplateMutator.SeedOf(name, i));
                mutants++;
                if (FuzzHarness.Check(mutant, i) is { } finding)
                {
                    findings.Add(finding with { Template = $"# {name} mutant {i}\n{finding.Template}" });
                }
            }
        }

        var groups = findings.GroupBy(f => $"{f.Kind}: {f.Site}").OrderByDescending(g => g.Count()).ToList();
        WriteReport(groups);
        return new Summary(mutants, groups);
    }

    /// <summary>A template file read into a node tree (the seeds are committed beside the tests).</summary>
    public static MapNode Load(string path)
    {
        var read = TemplateReader.Read(File.ReadAllBytes(path));
        Assert.True(read.Succeeded && read.Root is MapNode, $"{path}: " + string.Join("; ", read.Diagnostics.Select(d => d.Message)));
        return (MapNode)read.Root!;
    }

    private static void WriteReport(List<IGrouping<string, FuzzHarness.Finding>> groups)
    {
        var path = Environment.GetEnvironmentVariable("SAMPERMS_FUZZ_REPORT");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var sb = new StringBuilder();
        foreach (var g in groups)
        {
            sb.Append("=== ").Append(g.Key).Append(" (").Append(g.Count()).AppendLine("x)");
            foreach (var f in g.Take(2))
            {
                sb.AppendLine(f.Detail).AppendLine(f.Template).AppendLine();
            }
        }

        File.AppendAllText(path, sb.ToString());
    }
}
