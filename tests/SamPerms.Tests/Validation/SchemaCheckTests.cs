using System.Text;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation;
using SamPerms.Validation.Schema;
using SamPerms.Yaml;

namespace SamPerms.Tests.Validation;

/// <summary>The schema check started on another core when the template is read gives what checking afterwards gives.</summary>
public sealed class SchemaCheckTests
{
    /// <summary>A template of <paramref name="count"/> functions, large enough to be checked on another core; the last has <paramref name="lastProperty"/>.</summary>
    private static string Functions(int count, string lastProperty, string transform = "AWS::Serverless-2016-10-31")
    {
        var yaml = new StringBuilder($"Transform: {transform}\nResources:\n");
        for (int i = 0; i < count; i++)
        {
            yaml.Append($"  Fn{i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n")
                .Append($"      CodeUri: s3://bucket/app{i}.zip\n      Description: function number {i} of a template that is large enough to be checked on the other core\n");
        }

        return yaml.Append($"      {lastProperty}: 128\n").ToString();
    }

    private static MapNode ResourcesOf(string yaml) => (MapNode)((MapNode)TemplateReader.ReadText(yaml).Root!).Get("Resources")!;

    [Fact]
    public void A_large_template_is_checked_on_another_core_with_the_same_errors()
    {
        var yaml = Functions(400, "MemmorySize");
        var check = SchemaCheck.Start(TemplateReader.ReadText(yaml).Root);
        Assert.NotNull(check);
        var resources = ResourcesOf(yaml);
        var expected = SamResourceSchema.Evaluate(resources);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(v => string.Join("/", v.Segments)), check.ViolationsOf(resources).Select(v => string.Join("/", v.Segments)));
    }

    [Fact]
    public void Resources_other_than_those_read_are_checked_again()
    {
        var check = SchemaCheck.Start(TemplateReader.ReadText(Functions(400, "MemorySize")).Root)!;
        var other = ResourcesOf(Functions(400, "MemmorySize"));
        Assert.Equal(SamResourceSchema.Evaluate(other).Count, check.ViolationsOf(other).Count);
        Assert.NotEmpty(check.ViolationsOf(other));
    }

    [Fact]
    public void A_small_template_is_checked_when_asked()
    {
        Assert.Null(SchemaCheck.Start(TemplateReader.ReadText(Check.Function).Root));
    }

    [Fact]
    public void A_large_template_reports_the_unknown_property_once_at_its_key()
    {
        var yaml = Functions(400, "MemmorySize");
        var d = Assert.Single(Check.All(yaml), d => d.Code == DiagnosticCatalog.UnknownSamProperty);
        Assert.Equal(Check.LineOf(yaml, "MemmorySize"), d.Line);
        Assert.Equal("Resources.Fn399.Properties.MemmorySize", d.Path);
    }

    [Fact]
    public void A_property_the_language_extensions_write_is_checked_as_sam_receives_it()
    {
        // The template as read has no AWS::Serverless resource with the mistake: the ForEach writes it.
        var yaml = Functions(400, "MemorySize", "[AWS::LanguageExtensions, AWS::Serverless-2016-10-31]")
            + "  Fn::ForEach::More:\n    - Name\n    - [A, B]\n    - Extra${Name}:\n        Type: AWS::Serverless::Function\n"
            + "        Properties:\n          Runtime: python3.12\n          Handler: app.handler\n          CodeUri: s3://bucket/app.zip\n          Timeoutt: 3\n";
        // Both resources it writes have it, at one place in the template: one finding.
        var d = Assert.Single(Check.All(yaml), d => d.Code == DiagnosticCatalog.UnknownSamProperty);
        Assert.Contains("'Timeoutt'", d.Message, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(yaml, "Timeoutt"), d.Line);
    }
}
