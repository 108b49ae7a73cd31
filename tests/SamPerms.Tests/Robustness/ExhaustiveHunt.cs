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

/// <summary>
/// On demand (SAMPERMS_FUZZ_DUMP=DIR): writes the seed mutants the regular run checks as JSON files, so that
/// they can be compared with the reference translator outside the test suite.
/// </summary>
public sealed class MutantDump
{
    [SkippableFact]
    public void Write_seed_mutants_to_a_directory()
    {
        var dir = Environment.GetEnvironmentVariable("SAMPERMS_FUZZ_DUMP");
        Skip.If(string.IsNullOrEmpty(dir), "on demand: set SAMPERMS_FUZZ_DUMP=DIR");

        Directory.CreateDirectory(dir!);
        var corpus = Environment.GetEnvironmentVariable("SAMPERMS_FUZZ_DUMP_CORPUS") == "1" ? RepoPaths.Corpus : null;
        var files = corpus is null
            ? Directory.GetFiles(RepoPaths.InRepo("tests", "SamPerms.Tests", "Robustness", "Seeds"), "*.yaml")
            : Directory.GetFiles(Path.Combine(corpus, "input"), "*.yaml");
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (TemplateReader.Read(File.ReadAllBytes(file)).Root is not MapNode template)
            {
                continue;
            }

            for (int i = 0; i < (corpus is null ? 500 : 3) * FuzzRun.Scale; i++)
            {
                var mutant = TemplateMutator.Mutate(template, TemplateMutator.SeedOf(Path.GetFileName(file), i));
                File.WriteAllText(Path.Combine(dir!, $"{name}-{i:D5}.json"), JsonText.Pretty(mutant));
            }
        }
    }
}
