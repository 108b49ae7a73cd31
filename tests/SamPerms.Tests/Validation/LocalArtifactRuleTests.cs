using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Tests.Support;
using SamPerms.Validation;

namespace SamPerms.Tests.Validation;

/// <summary>SP2301: local paths that sam build and sam package would not find, relative to the template's folder.</summary>
public sealed class LocalArtifactRuleTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            CodeUri: shared/
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: src/
          Layer:
            Type: AWS::Serverless::LayerVersion
            Properties:
              ContentUri: layers/common/
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
              DefinitionUri: statemachine/flow.asl.json
              Policies: []
          Packaged:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/key.zip
        """;

    private static List<Diagnostic> Findings(string directory, bool local = true) =>
        [.. TemplateValidator.ValidateText(Template, new ValidationOptions
        {
            TemplateDirectory = directory,
            Transform = new TransformOptions { LocalArtifacts = local },
        }).Diagnostics.Where(d => d.Code == DiagnosticCatalog.LocalArtifactMissing)];

    [Fact]
    public void Each_missing_local_path_is_reported_at_its_value()
    {
        using var dir = new TempDir();
        var found = Findings(dir.Path);
        Assert.Equal(
            ["CodeUri of Globals.Function: 'shared/'", "CodeUri of Fn: 'src/'", "ContentUri of Layer: 'layers/common/'", "DefinitionUri of Flow: 'statemachine/flow.asl.json'"],
            found.Select(d => d.Message[..d.Message.IndexOf(" does not", StringComparison.Ordinal)]));
        Assert.Equal((11, 16), (found[1].Line, found[1].Column));
        Assert.All(found, d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [Fact]
    public void Paths_that_exist_are_fine_and_nothing_is_looked_up_without_a_folder_or_local_artifacts()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "src"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "shared"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "layers", "common"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "statemachine"));
        File.WriteAllText(Path.Combine(dir.Path, "statemachine", "flow.asl.json"), "{}");
        Assert.Empty(Findings(dir.Path));

        // A ${placeholder} is filled in before packaging: not looked for.
        Assert.DoesNotContain(TemplateValidator.ValidateText(Template.Replace("src/", "${codeuri}", StringComparison.Ordinal), new ValidationOptions
        {
            TemplateDirectory = dir.Path,
            Transform = new TransformOptions { LocalArtifacts = true },
        }).Diagnostics, d => d.Code == DiagnosticCatalog.LocalArtifactMissing);

        using var empty = new TempDir();
        Assert.Empty(Findings(empty.Path, local: false));
        Assert.DoesNotContain(TemplateValidator.ValidateText(Template, new ValidationOptions { Transform = new TransformOptions { LocalArtifacts = true } }).Diagnostics,
            d => d.Code == DiagnosticCatalog.LocalArtifactMissing);
    }

    [Fact]
    public void The_validate_command_looks_beside_the_template()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var r = CliRunner.Run("validate", t, "--ignore", "SP3108");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning SP2301: CodeUri of Fn: 'src/' does not exist next to the template", r.Out, StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.Run("validate", t, "--severity", "warning").ExitCode);
    }
}
