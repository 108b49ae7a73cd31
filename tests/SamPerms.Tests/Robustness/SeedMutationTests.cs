using SamPerms.Tests.Support;
using Xunit.Abstractions;

namespace SamPerms.Tests.Robustness;

/// <summary>
/// Property: whatever is wrong in a template, the transform gives a template or located SAM errors, never an
/// exception, never a "could not read" from the last-resort net, and answers in bounded time. The templates
/// mutated here are the seeds beside this file, which between them use every resource and event type.
/// </summary>
public sealed class SeedMutationTests(ITestOutputHelper output)
{
    private const int MutantsPerSeed = 500;

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.InRepo("tests", "SamPerms.Tests", "Robustness", "Seeds"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_mutant_gives_a_template_or_located_errors(string seed)
    {
        var template = FuzzRun.Load(RepoPaths.InRepo("tests", "SamPerms.Tests", "Robustness", "Seeds", seed));
        Assert.Null(FuzzHarness.Check(template));

        var summary = FuzzRun.Run([(seed, template)], MutantsPerSeed);
        output.WriteLine($"{summary.Mutants} mutants");
        Assert.True(summary.Clean, summary.Describe());
    }
}
