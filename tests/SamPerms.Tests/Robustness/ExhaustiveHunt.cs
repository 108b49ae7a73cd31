using System.Text;
using SamPerms.Model;
using SamPerms.Tests.Support;
using SamPerms.Yaml;
using Xunit.Abstractions;

namespace SamPerms.Tests.Robustness;

/// <summary>
/// A long hunt, run on demand only (SAMPERMS_FUZZ_EXHAUSTIVE=seeds or =corpus): every single-point mutant of the
/// seeds (or of the corpus inputs' resources). Findings go to SAMPERMS_FUZZ_REPORT when set.
/// </summary>
public sealed class ExhaustiveHunt(ITestOutputHelper output)
{
    [SkippableFact]
    public void Every_single_point_mutant_gives_a_template_or_located_errors()
    {
        var mode = Environment.GetEnvironmentVariable("SAMPERMS_FUZZ_EXHAUSTIVE");
        Skip.If(string.IsNullOrEmpty(mode), "on demand: set SAMPERMS_FUZZ_EXHAUSTIVE=seeds or corpus");

        var files = mode == "corpus" && RepoPaths.Corpus is { } corpus
            ? Directory.GetFiles(Path.Combine(corpus, "input"), "*.yaml")
            : Directory.GetFiles(RepoPaths.InRepo("tests", "SamPerms.Tests", "Robustness", "Seeds"), "*.yaml");
        var findings = new List<(string Key, string Text)>();
        int mutants = 0;
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            if (TemplateReader.Read(File.ReadAllBytes(file)).Root is not MapNode template)
            {
                continue;
            }

            foreach (var (description, mutant) in TemplateMutator.Exhaustive(template, resourcesOnly: mode == "corpus"))
            {
                mutants++;
                if (FuzzHarness.Check(mutant) is { } f)
                {
                    findings.Add(($"{f.Kind}: {f.Site}", $"{Path.GetFileName(file)}: {description}\n{f.Detail}"));
                }
            }
        }

        var sb = new StringBuilder();
        foreach (var g in findings.GroupBy(f => f.Key).OrderByDescending(g => g.Count()))
        {
            sb.Append("=== ").Append(g.Key).Append(" (").Append(g.Count()).AppendLine("x)");
            foreach (var f in g.Take(3))
            {
                sb.AppendLine(f.Text);
            }
        }

        if (Environment.GetEnvironmentVariable("SAMPERMS_FUZZ_REPORT") is { Length: > 0 } report)
        {
            File.WriteAllText(report, sb.ToString());
        }

        output.WriteLine($"{mutants} mutants, {findings.Count} findings");
        Assert.True(findings.Count == 0, sb.ToString()[..Math.Min(sb.Length, 4000)]);
    }
}
