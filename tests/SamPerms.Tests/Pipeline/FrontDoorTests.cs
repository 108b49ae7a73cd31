using System.Text;
using SamPerms.Cli;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Pipeline;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Pipeline;

/// <summary>What the front door decides for every front end: unknown SAM types, poller attribution, validate's formats.</summary>
public sealed class FrontDoorTests
{
    private const string Misspelled = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Funtion
            Properties:
              Handler: a.b
        """;

    private static readonly TransformOptions Options = new() { Region = "us-east-1" };

    [Fact]
    public void The_schema_and_the_transform_know_the_same_SAM_types()
    {
        // Unknown types are first looked for with the transform's registry: it must agree with the schema.
        var schemaTypes = SamPerms.Validation.Schema.SamResourceSchema.Types.Keys.Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(schemaTypes);
        Assert.Equal(schemaTypes, SamPerms.Sam.SamResourceTypes.Names.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_misspelled_sam_type_transforms_but_is_not_accepted_and_its_error_report_says_why()
    {
        var run = Transformation.Run(Encoding.UTF8.GetBytes(Misspelled), Options, "template.yaml");
        Assert.True(run.Outcome.Succeeded);
        Assert.False(run.Accepted);
        var finding = Assert.Single(run.UnknownTypes);
        Assert.Equal(DiagnosticCatalog.UnknownSamType, finding.Code);
        Assert.Equal("template.yaml", finding.File);
        var report = run.ErrorReportText("template.yaml");
        Assert.Contains("\"errorMessage\": \"" + finding.Message.Split('\'')[0], report, StringComparison.Ordinal);
        Assert.Contains("SP2101", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_analysis_run_stops_on_a_misspelled_sam_type_too()
    {
        var run = TemplateRun.MappedBytes("template.yaml", Encoding.UTF8.GetBytes(Misspelled), Options);
        Assert.True(run.Succeeded);
        Assert.False(run.Accepted);
        Assert.Equal(DiagnosticCatalog.UnknownSamType, Assert.Single(run.UnknownTypes).Code);

        var ok = TemplateRun.MappedBytes("template.yaml", Encoding.UTF8.GetBytes(Misspelled.Replace("Funtion", "Function", StringComparison.Ordinal) + "\n      CodeUri: s3://b/k.zip\n      Runtime: python3.12\n"), Options);
        Assert.True(ok.Accepted);
    }

    [Theory]
    [InlineData("SQS", "Queue: arn:aws:sqs:us-east-1:123456789012:q", "SAM: the SQS poller reads the queue")]
    [InlineData("Kinesis", "Stream: arn:aws:kinesis:us-east-1:123456789012:stream/s\n            StartingPosition: LATEST", "SAM: the Kinesis poller reads the stream")]
    [InlineData("DynamoDB", "Stream: arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/x\n            StartingPosition: LATEST", "SAM: the DynamoDB poller reads the stream")]
    public void A_pollers_managed_policy_is_attributed_to_the_first_event_of_its_type(string type, string properties, string why)
    {
        var yaml = Transform.FunctionHeader + $"""

                  Events:
                    Second:
                      Type: {type}
                      Properties:
                        {properties}
                    First:
                      Type: {type}
                      Properties:
                        {properties.Replace(":q", ":q2", StringComparison.Ordinal).Replace("stream/s", "stream/s2", StringComparison.Ordinal).Replace("stream/x", "stream/x2", StringComparison.Ordinal)}

            """;
        var run = TemplateRun.MappedBytes("template.yaml", Encoding.UTF8.GetBytes(yaml), Options);
        Assert.True(run.Accepted, run.Outcome?.ErrorMessage);
        var grant = Assert.Single(run.Map!.Subjects.Single().MayDo, g => g.Source.Description == why);
        Assert.Equal("Events.Second", grant.Source.PropertyPath);
    }

    [Fact]
    public void Validate_offers_every_registered_format_and_each_writes_its_report()
    {
        using var dir = new TempDir();
        var path = dir.Write("template.yaml", Misspelled);
        var help = CliRunner.Run("validate", "--help");
        foreach (var format in ValidateFormats.All)
        {
            Assert.Contains(format.Name, help.Out, StringComparison.Ordinal);
            var r = CliRunner.Run("validate", path, "--format", format.Name);
            Assert.Equal(ExitCodes.Invalid, r.ExitCode);
            Assert.Contains("SP2101", r.Out, StringComparison.Ordinal);
        }

        Assert.Same(ValidateFormats.All[0], ValidateFormats.Named("table"));
    }
}
