using SamPerms.Cli.Commands;
using SamPerms.Diagnostics;
using SamPerms.Output.Diagnostics;
using SamPerms.Tests.Support;
using SamPerms.Validation;

namespace SamPerms.Tests.Validation;

/// <summary>README.md documents every code, and its SARIF example is real: valid SARIF, and what the tool writes.</summary>
[Collection(SamPerms.Tests.Golden.WorkingDirectoryCollection.Name)]
public sealed class ReadmeTests
{
    private static string Readme => ReadmeText.Text;

    [Fact]
    public void Every_code_is_listed_with_its_severity_and_title()
    {
        foreach (var d in DiagnosticCatalog.All)
        {
            Assert.Contains($"| {d.Code} | {Diagnostic.SeverityName(d.DefaultSeverity)} | {d.Title} |", Readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_text_example_is_what_the_tool_prints_for_the_example_template()
    {
        using var dir = new TempDir();
        dir.Write("template.yaml", ReadmeText.Block("validate-example-template"));
        var r = CliRunner.RunIn(dir.Path, "validate", "template.yaml");
        Assert.Equal(ReadmeText.Block("validate-example-text"), r.Out);
    }

    [Fact]
    public void The_sarif_excerpt_is_part_of_what_the_tool_writes_and_that_has_the_sarif_shape()
    {
        var template = ReadmeText.Block("validate-example-template");
        var report = TemplateValidator.ValidateText(template, new ValidationOptions(), "template.yaml");
        var file = new ValidatedFile("template.yaml", ValidatedFile.SplitLines(template), report);
        var sarif = SarifLog.Write([file], ValidateCommand.ToolVersion);
        var problems = SarifShape.Problems(sarif);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(ReadmeText.Block("validate-example-sarif"), sarif, StringComparison.Ordinal);
    }
}
