using System.Text;
using SamPerms.Model;
using SamPerms.Pipeline;
using SamPerms.Sam;
using SamPerms.Tests.Support;
using SamPerms.Yaml;

namespace SamPerms.Tests.Pipeline;

/// <summary>
/// The transform leaves the tree it is given as it was read, so the front door reads a template once and tries it a
/// second time (with local artifacts, for the "not packaged yet" hint) on the same tree.
/// </summary>
public sealed class TransformInputTests
{
    [SkippableFact]
    public void Every_corpus_input_is_unchanged_by_its_transform_with_and_without_local_artifacts()
    {
        var corpus = RepoPaths.Corpus;
        Skip.If(corpus is null, "the reference corpus is not here (set SAM_CORPUS or put it at ../shared/sam-corpus)");
        var options = new TransformOptions { Region = "ap-southeast-1", ParameterOverrides = new Dictionary<string, string> { ["param1"] = "value1" } };
        int checkedCount = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(corpus!, "input"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var read = TemplateReader.Read(File.ReadAllBytes(file));
            if (!read.Succeeded)
            {
                continue;
            }

            var before = JsonText.Compact(read.Root!);
            SamTranslator.Transform(read.Root!, options);
            SamTranslator.Transform(read.Root!, options with { LocalArtifacts = true });
            Assert.True(before == JsonText.Compact(read.Root!), $"{Path.GetFileName(file)}: the transform changed its input");
            checkedCount++;
        }

        Assert.True(checkedCount > 600, $"only {checkedCount} corpus inputs read");
    }

    [Fact]
    public void A_template_that_only_fails_for_its_local_code_path_gets_the_not_packaged_hint_and_one_that_fails_otherwise_does_not()
    {
        const string Local = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ./src
                  Handler: app.handler
                  Runtime: python3.12
            """;
        var options = new TransformOptions { Region = "us-east-1" };
        var local = Transformation.Run(Encoding.UTF8.GetBytes(Local), options, "template.yaml");
        Assert.False(local.Outcome.Succeeded);
        Assert.True(local.NotPackaged);

        var broken = Transformation.Run(Encoding.UTF8.GetBytes(Local.Replace("Runtime: python3.12", "Runtime: python3.12\n      Events: 7", StringComparison.Ordinal)), options, "template.yaml");
        Assert.False(broken.Outcome.Succeeded);
        Assert.False(broken.NotPackaged);
    }

    [SkippableFact]
    public void A_failed_transform_that_met_no_local_artifact_fails_with_local_artifacts_too()
    {
        // The "not packaged yet" retry is skipped when the first run met no place local artifacts change: that must
        // never hide a template the retry would have passed. Each corpus input as it is, and with its s3:// locations
        // made local paths, and with its code locations removed.
        var corpus = RepoPaths.Corpus;
        Skip.If(corpus is null, "the reference corpus is not here (set SAM_CORPUS or put it at ../shared/sam-corpus)");
        var options = new TransformOptions { Region = "ap-southeast-1", ParameterOverrides = new Dictionary<string, string> { ["param1"] = "value1" } };
        int failedWithout = 0, failedWith = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(corpus!, "input"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            foreach (var variant in new[] { text, text.Replace("s3://", "./", StringComparison.Ordinal), text.Replace("CodeUri:", "Unused:", StringComparison.Ordinal) })
            {
                var read = TemplateReader.ReadText(variant);
                if (!read.Succeeded)
                {
                    continue;
                }

                var outcome = SamTranslator.Transform(read.Root!, options);
                if (outcome.Succeeded)
                {
                    continue;
                }

                var local = SamTranslator.Transform(read.Root!, options with { LocalArtifacts = true });
                if (outcome.MetLocalArtifact)
                {
                    failedWith++;
                }
                else
                {
                    failedWithout++;
                    Assert.False(local.Succeeded, $"{Path.GetFileName(file)}: passes with local artifacts, though the first run met none");
                }
            }
        }

        Assert.True(failedWithout > 100 && failedWith > 100, $"too few failed runs checked: {failedWithout} met no local artifact, {failedWith} met one");
    }
}
