using SamPerms.Cli.Commands;
using SamPerms.Diagnostics;
using SamPerms.Output.Diagnostics;
using SamPerms.Tests.Support;
using SamPerms.Validation;

namespace SamPerms.Tests.Validation;

/// <summary>README.md documents every code, and its SARIF example is real: valid SARIF, and what the tool writes.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(RepoPaths.InRepo("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void Every_code_is_listed_with_its_severity_and_title()
    {
        foreach (var d in DiagnosticCatalog.All)
        {
            Assert.Contains($"| {d.Code} | {Diagnostic.SeverityName(d.DefaultSeverity)} | {d.Title} |", Readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_sarif_example_has_the_sarif_shape()
    {
        var problems = SarifShape.Problems(Block("validate-example-sarif"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_sarif_example_is_what_the_tool_writes_for_the_example_template()
    {
        var template = Block("validate-example-template");
        var report = TemplateValidator.ValidateText(template, new ValidationOptions(), "template.yaml");
        var file = new ValidatedFile("template.yaml", ValidatedFile.SplitLines(template), report);
        Assert.Equal(SarifLog.Write([file], ValidateCommand.ToolVersion), Block("validate-example-sarif"));
    }

    /// <summary>The fenced block right after an HTML comment marker.</summary>
    private static string Block(string marker)
    {
        int at = Readme.IndexOf($"<!-- {marker} -->", StringComparison.Ordinal);
        Assert.True(at >= 0, $"README has no {marker}");
        int open = Readme.IndexOf("```", at, StringComparison.Ordinal);
        int start = Readme.IndexOf('\n', open) + 1;
        int end = Readme.IndexOf("```", start, StringComparison.Ordinal);
        return Readme[start..end];
    }
}
