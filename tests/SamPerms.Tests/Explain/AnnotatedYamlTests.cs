using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Permissions.Explain;
using SamPerms.Sam;
using SamPerms.Tests.Support;
using SamPerms.Yaml;
using Xunit.Abstractions;

namespace SamPerms.Tests.Explain;

/// <summary>The annotated YAML of transform --annotate reads back exactly as the output without comments.</summary>
public sealed class AnnotatedYamlTests(ITestOutputHelper output)
{
    [Fact]
    public void Comments_with_hostile_text_change_nothing()
    {
        var template = N.Map(("Resources", N.Map(("A", N.Map(("Type", "T"), ("Properties", N.Map(("P", "v"))))))));
        var yaml = YamlText.Write(template, keys => keys.Count >= 2 ? "x\n# y: z\r\u2028\"'{[" : null);
        var back = TemplateReader.ReadText(yaml);
        Assert.True(back.Succeeded);
        Assert.Equal(JsonText.Pretty(template), JsonText.Pretty(back.Root!));
    }

    [SkippableFact]
    public void Every_corpus_output_annotated_reads_back_as_the_plain_output()
    {
        var corpus = RepoPaths.Corpus;
        Skip.If(corpus is null, "the reference corpus is not here; annotated YAML checked on the examples only");
        int count = 0, notes = 0;
        var failures = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(corpus!, "input"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var outcome = SamTranslator.TransformBytes(File.ReadAllBytes(file), new TransformOptions { Region = "us-east-1" });
            if (!outcome.Succeeded)
            {
                continue;
            }

            var annotations = OriginAnnotations.Of(outcome);
            notes += annotations.Count;
            var annotated = TemplateReader.ReadText(AnnotatedTemplate.Yaml(outcome.Template!, annotations, "template.yaml"));
            count++;
            if (!annotated.Succeeded || JsonText.Pretty(annotated.Root!) != JsonText.Pretty(outcome.Template!))
            {
                failures.Add(Path.GetFileName(file));
            }
        }

        output.WriteLine($"{count} corpus outputs annotated ({notes} origin notes)");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }
}
