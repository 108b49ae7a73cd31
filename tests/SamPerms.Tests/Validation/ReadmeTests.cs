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
            Assert.Contains($"| <a id=\"{ProjectHome.Anchor(d.Code)}\"></a>{d.Code} | {Diagnostic.SeverityName(d.DefaultSeverity)} | {d.Title} |", Readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sarif_links_the_project_and_each_rule_to_its_row_of_the_readme()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", ReadmeText.Block("validate-example-template"));
        var r = CliRunner.Run("validate", t, "--format", "sarif");
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var driver = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal(ProjectHome.Url, driver.GetProperty("informationUri").GetString());
        Assert.Contains(ProjectHome.Url, Readme, StringComparison.Ordinal);
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var code = rule.GetProperty("id").GetString()!;
            var help = rule.GetProperty("helpUri").GetString()!;
            Assert.Equal($"{ProjectHome.Url}#{code.ToLowerInvariant()}", help);
            Assert.Contains($"<a id=\"{help[(help.IndexOf('#') + 1)..]}\"></a>{code} |", Readme, StringComparison.Ordinal);
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", rule.GetProperty("name").GetString()!);
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
