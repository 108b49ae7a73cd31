using SamPerms.Tests.Support;
using Xunit.Abstractions;

namespace SamPerms.Tests.Conformance;

/// <summary>
/// Runs the reference corpus (when it is present) and holds the line: every check listed in passing.txt
/// must still pass. Newly passing checks are reported; run with SAMPERMS_ACCEPT=1 to add them to the list.
/// </summary>
public sealed class ConformanceRatchetTests(ITestOutputHelper output)
{
    private static readonly string RatchetFile = RepoPaths.InRepo("tests", "SamPerms.Tests", "Conformance", "passing.txt");

    [SkippableFact]
    public void Corpus_checks_that_passed_before_still_pass()
    {
        var corpus = RepoPaths.Corpus;
        Skip.If(corpus is null, "the reference corpus is not here (set SAM_CORPUS or put it at ../shared/sam-corpus); conformance not run");

        var passing = CorpusCases.Passing(corpus!);
        var ratchet = File.Exists(RatchetFile)
            ? File.ReadAllLines(RatchetFile).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal)
            : [];

        var regressions = ratchet.Where(c => !passing.Contains(c)).Order(StringComparer.Ordinal).ToList();
        var fresh = passing.Where(c => !ratchet.Contains(c)).ToList();
        foreach (var tier in new[] { "permissions", "full", "errors" })
        {
            output.WriteLine($"{tier}: {passing.Count(p => p.StartsWith(tier + " ", StringComparison.Ordinal))} passing");
        }

        if (fresh.Count > 0)
        {
            output.WriteLine($"{fresh.Count} newly passing (add with SAMPERMS_ACCEPT=1):");
            foreach (var f in fresh.Take(50))
            {
                output.WriteLine("  " + f);
            }
        }

        if (Environment.GetEnvironmentVariable("SAMPERMS_ACCEPT") == "1" && regressions.Count == 0)
        {
            File.WriteAllLines(RatchetFile, ["# Conformance ratchet: checks that pass and must keep passing (tier partition/case).", .. passing]);
        }

        Assert.True(regressions.Count == 0, $"{regressions.Count} corpus checks regressed:\n" + string.Join("\n", regressions.Take(100)));
    }
}
