using SamPerms.Model;
using SamPerms.Tests.Support;
using SamPerms.Validation.Schema;
using SamPerms.Yaml;

namespace SamPerms.Tests.Validation;

/// <summary>The schema subset clears a template only when JsonSchema.Net finds it valid, and clears the usual valid template.</summary>
public sealed class SchemaSubsetTests
{
    private const string Valid = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              MemorySize: 128
              AutoPublishAliasAllProperties: !Ref Flag
              PropagateTags: true
              Policies:
                - S3ReadPolicy:
                    BucketName: b
              Events:
                Get:
                  Type: Api
                  Properties:
                    Path: /
                    Method: get
          Machine:
            Type: AWS::Serverless::StateMachine
            Properties:
              Definition: {}
              Events:
                Tick:
                  Type: Schedule
                  Properties:
                    Schedule: rate(1 hour)
          Topic:
            Type: AWS::SNS::Topic
        """;

    private static (bool Subset, bool Full)? Verdicts(string yaml) =>
        SamResourceSchema.JsonOf((MapNode)((MapNode)TemplateReader.ReadText(yaml).Root!).Get("Resources")!) is { } json ? SamResourceSchema.Verdicts(json) : null;

    [Fact]
    public void A_valid_template_is_cleared_by_the_subset()
    {
        Assert.Equal((true, true), Verdicts(Valid));
    }

    [Theory]
    [InlineData("MemorySize: 128", "MemmorySize: 128")]
    [InlineData("PropagateTags: true", "PropagateTags: 'yes'")]
    [InlineData("PropagateTags: true", "PropagateTags: {Ref: A, Condition: B}")]
    [InlineData("PropagateTags: true", "PropagateTags: {NotAFunction: A}")]
    [InlineData("Type: Api", "Type: Apii")]
    [InlineData("Type: Schedule", "Type: SQS")]
    [InlineData("Type: AWS::Serverless::StateMachine", "Type: AWS::Serverless::StateMachin")]
    [InlineData("Type: Api", "Kind: Api")]
    [InlineData("CodeUri: s3://bucket/app.zip", "CodeUri: 3")]
    [InlineData("Definition: {}", "Definition: {}\n      Nope: 1")]
    public void An_invalid_template_is_left_to_the_full_evaluator(string from, string to)
    {
        var yaml = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, yaml);
        var verdicts = Verdicts(yaml);
        Assert.False(verdicts!.Value.Subset);
        Assert.False(verdicts.Value.Full);
    }

    [SkippableFact]
    public void On_the_corpus_the_subset_clears_only_what_the_full_evaluator_finds_valid()
    {
        var corpus = RepoPaths.Corpus;
        Skip.If(corpus is null, "no corpus at ../shared/sam-corpus");
        int valid = 0, cleared = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(corpus, "input"), "*.yaml").Order(StringComparer.Ordinal))
        {
            if (TemplateReader.ReadText(File.ReadAllText(file)).Root is not MapNode { } root || root.Get("Resources") is not MapNode resources
                || SamResourceSchema.JsonOf(resources) is not { } json)
            {
                continue;
            }

            (bool subset, bool full) verdicts;
            try
            {
                verdicts = SamResourceSchema.Verdicts(json);
            }
            catch (System.Text.Json.JsonException)
            {
                continue; // values JSON cannot hold: the schema says nothing about them
            }

            Assert.False(verdicts.subset && !verdicts.full, $"{Path.GetFileName(file)}: the subset cleared a template JsonSchema.Net finds invalid");
            valid += verdicts.full ? 1 : 0;
            cleared += verdicts.subset ? 1 : 0;
        }

        Assert.True(valid > 100, $"only {valid} valid corpus templates");
        Assert.True(cleared * 10 >= valid * 9, $"the subset cleared {cleared} of {valid} valid templates");
    }
}
