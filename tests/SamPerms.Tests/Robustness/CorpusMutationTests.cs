using SamPerms.Model;
using SamPerms.Tests.Support;
using SamPerms.Yaml;
using Xunit.Abstractions;

namespace SamPerms.Tests.Robustness;

/// <summary>
/// The same property as <see cref="SeedMutationTests"/> on mutants of every corpus input, when the reference
/// corpus is present (skipped otherwise). Corpus files are only read here, never copied into the repository.
/// </summary>
public sealed class CorpusMutationTests(ITestOutputHelper output)
{
    private const int MutantsPerInput = 3;

    [SkippableFact]
    public void Every_mutant_of_a_corpus_input_gives_a_template_or_located_errors()
    {
        var corpus = RepoPaths.Corpus;
        Skip.If(corpus is null, "the reference corpus is not here; corpus fuzzing not run");

        var inputs = new List<(string, MapNode)>();
        foreach (var file in Directory.GetFiles(Path.Combine(corpus!, "input"), "*.yaml").Order(StringComparer.Ordinal))
        {
            if (TemplateReader.Read(File.ReadAllBytes(file)).Root is MapNode root)
            {
                inputs.Add((Path.GetFileNameWithoutExtension(file), root));
            }
        }

        var summary = FuzzRun.Run(inputs, MutantsPerInput);
        output.WriteLine($"{summary.Mutants} mutants of {inputs.Count} inputs");
        Assert.True(summary.Clean, summary.Describe());
    }
}
