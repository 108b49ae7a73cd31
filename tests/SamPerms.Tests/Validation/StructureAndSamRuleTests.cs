using SamPerms.Diagnostics;
using SamPerms.Validation;

namespace SamPerms.Tests.Validation;

public sealed class StructureAndSamRuleTests
{
    [Fact]
    public void Reader_errors_keep_their_place()
    {
        var yaml = "Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SNS::Topic\n";
        var d = Check.One(yaml, DiagnosticCatalog.DuplicateKey);
        Assert.Equal(4, d.Line);
        Assert.Equal(Severity.Error, d.Severity);
    }

    [Fact]
    public void Wrong_section_and_attribute_types_name_the_expected_type()
    {
        var yaml = Check.Function + "  Topic:\n    Type: AWS::SNS::Topic\n    Properties: [a]\n    Condition: [x]\nOutputs: [1]\n";
        var found = Check.Code(yaml, DiagnosticCatalog.WrongType);
        Assert.Contains(found, d => d.Message.Contains("'Properties' of resource Topic should be a mapping, not a list", StringComparison.Ordinal) && d.Line == Check.LineOf(yaml, "Properties: [a]"));
        Assert.Contains(found, d => d.Message.Contains("'Condition' of resource Topic should be a string", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Message.Contains("section 'Outputs' should be a mapping", StringComparison.Ordinal) && d.Path == "Outputs");
    }

    [Fact]
    public void Well_typed_attributes_are_not_reported()
    {
        var yaml = Check.Function + "  Topic:\n    Type: AWS::SNS::Topic\n    DependsOn: [Fn]\n    DeletionPolicy: Retain\n    Metadata: {a: 1}\n";
        Check.None(yaml, DiagnosticCatalog.WrongType);
    }

    [Fact]
    public void Sam_errors_carry_the_reference_message_at_the_offending_property()
    {
        var yaml = Check.Function.Replace("s3://bucket/app.zip", "not-an-s3-uri", StringComparison.Ordinal);
        var d = Check.One(yaml, DiagnosticCatalog.SamTransformError);
        Assert.StartsWith("Resource with id [Fn] is invalid.", d.Message, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(yaml, "CodeUri"), d.Line);
        Assert.StartsWith("Resources.Fn", d.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Sam_error_for_a_bad_policy_template_parameter_is_at_the_policies_entry()
    {
        var yaml = Check.Function.TrimEnd() + "\n      Policies:\n        - SQSPollerPolicy: {}\n";
        var d = Check.One(yaml, DiagnosticCatalog.SamTransformError);
        Assert.Equal(Check.LineOf(yaml, "SQSPollerPolicy"), d.Line);
    }

    [Fact]
    public void Unknown_sam_property_is_at_its_key_and_suggests_the_closest()
    {
        var yaml = Check.Function.TrimEnd() + "\n      MemmorySize: 128\n";
        var d = Check.One(yaml, DiagnosticCatalog.UnknownSamProperty);
        Assert.Equal(Check.LineOf(yaml, "MemmorySize"), d.Line);
        Assert.Equal(7, d.Column);
        Assert.Contains("'MemorySize'", d.Message, StringComparison.Ordinal);
        Assert.Equal("Resources.Fn.Properties.MemmorySize", d.Path);
    }

    [Fact]
    public void Unknown_sam_type_lists_the_types_sam_defines()
    {
        var yaml = Check.Function + "  T:\n    Type: AWS::Serverless::SimpleTabel\n";
        var d = Check.One(yaml, DiagnosticCatalog.UnknownSamType);
        Assert.Contains("AWS::Serverless::SimpleTable", d.Message, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(yaml, "SimpleTabel"), d.Line);
    }

    [Fact]
    public void Property_types_allow_intrinsics_and_report_the_allowed_types()
    {
        var ok = Check.Function.TrimEnd() + "\n      Tags: !If [C, {a: b}, !Ref AWS::NoValue]\n      AutoPublishAliasAllProperties: !Ref P\n";
        Check.None(ok, DiagnosticCatalog.SamPropertyType);
        var bad = Check.Function.TrimEnd() + "\n      AutoPublishAliasAllProperties: 'yes'\n";
        var d = Check.One(bad, DiagnosticCatalog.SamPropertyType);
        Assert.Contains("should be a boolean", d.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, d.Severity);
    }

    [Fact]
    public void Event_types_are_checked_against_the_resource_type()
    {
        var yaml = Check.Function.TrimEnd() + "\n      Events:\n        Q:\n          Type: Kinesiss\n          Properties: {Stream: arn:aws:kinesis:us-east-1:123456789012:stream/s, StartingPosition: LATEST}\n";
        var d = Check.One(yaml, DiagnosticCatalog.UnknownEventType);
        Assert.Contains("'Kinesis'", d.Message, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(yaml, "Kinesiss"), d.Line);
        Check.None(yaml.Replace("Kinesiss", "Kinesis", StringComparison.Ordinal), DiagnosticCatalog.UnknownEventType);
    }

    [Fact]
    public void Other_resource_types_are_not_checked_by_the_schema()
    {
        var yaml = Check.Function + "  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      Anything: [1]\n";
        Assert.DoesNotContain(Check.All(yaml), d => d.Code is DiagnosticCatalog.UnknownSamProperty or DiagnosticCatalog.UnknownSamType);
    }
}
