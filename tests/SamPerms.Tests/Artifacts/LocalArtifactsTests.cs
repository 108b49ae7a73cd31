using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Tests.Support;
using SamPerms.Yaml;

namespace SamPerms.Tests.Artifacts;

/// <summary>
/// Templates not yet packaged (CodeUri: src/): refused as SAM refuses them by default, kept as paths with
/// LocalArtifacts, as `sam validate` accepts them.
/// </summary>
public sealed class LocalArtifactsTests
{
    private const string Unpackaged = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: app.handler
              Runtime: python3.12
          NoCode:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              Runtime: python3.12
          Layer:
            Type: AWS::Serverless::LayerVersion
            Properties:
              ContentUri: layers/common
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
              DefinitionUri: statemachine/flow.asl.json
              Policies: []
          Rest:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              DefinitionUri: api/openapi.yaml
          Http:
            Type: AWS::Serverless::HttpApi
            Properties:
              DefinitionUri: api/http.yaml
        """;

    private static TransformOutcome Run(string yaml, bool local)
    {
        var read = TemplateReader.ReadText(yaml);
        Assert.True(read.Succeeded);
        return SamTranslator.Transform(read.Root!, new TransformOptions { LocalArtifacts = local });
    }

    [Fact]
    public void By_default_local_paths_are_refused_with_SAMs_messages()
    {
        var outcome = Run(Unpackaged, local: false);
        Assert.False(outcome.Succeeded);
        Assert.Contains("Resource with id [Fn] is invalid. 'CodeUri' is not a valid S3 Uri", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Resource with id [Flow] is invalid. 'DefinitionUri' is not a valid S3 Uri", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Resource with id [NoCode] is invalid. Only one of 'InlineCode' or 'CodeUri' can be set.", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void With_local_artifacts_each_path_stays_where_packaging_puts_the_S3_location()
    {
        var resources = Transform.Resources(Run(Unpackaged, local: true));
        Assert.Equal("src/", Assert.IsType<StringNode>(Transform.Properties(resources, "Fn").Get("Code")).Value);
        Assert.Equal(".", Assert.IsType<StringNode>(Transform.Properties(resources, "NoCode").Get("Code")).Value);
        var layerId = resources.Keys.Single(k => k.StartsWith("Layer", StringComparison.Ordinal));
        Assert.Equal("layers/common", Assert.IsType<StringNode>(Transform.Properties(resources, layerId).Get("Content")).Value);
        Assert.Equal("statemachine/flow.asl.json", Assert.IsType<StringNode>(Transform.Properties(resources, "Flow").Get("DefinitionS3Location")).Value);
        Assert.Equal("api/openapi.yaml", Assert.IsType<StringNode>(Transform.Properties(resources, "Rest").Get("BodyS3Location")).Value);
        Assert.Equal("api/http.yaml", Assert.IsType<StringNode>(Transform.Properties(resources, "Http").Get("BodyS3Location")).Value);

        // The roles SAM writes do not depend on where the code is.
        Assert.Equal("AWS::IAM::Role", Assert.IsType<StringNode>(Transform.At(resources.Resource("FnRole"), "Type")).Value);
    }

    [Fact]
    public void An_image_that_sam_build_builds_gets_the_name_sam_build_gives_it()
    {
        const string yaml = """
            Resources:
              HelloFunction:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                Metadata:
                  DockerContext: ./hello
                  DockerTag: v1
              Other:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                Metadata:
                  Dockerfile: Dockerfile
            """;
        Assert.EndsWith("'ImageUri' must be set.", Run(yaml, local: false).ErrorMessage, StringComparison.Ordinal);
        var resources = Transform.Resources(Run(yaml, local: true));
        Assert.Equal("hellofunction:v1", Assert.IsType<StringNode>(Transform.At(Transform.Properties(resources, "HelloFunction"), "Code", "ImageUri")).Value);
        Assert.Equal("other:latest", Assert.IsType<StringNode>(Transform.At(Transform.Properties(resources, "Other"), "Code", "ImageUri")).Value);

        // Without build metadata there is nothing to build: SAM's message stands.
        var unbuilt = yaml.Replace("      DockerContext: ./hello\n", "", StringComparison.Ordinal).Replace("      Dockerfile: Dockerfile", "", StringComparison.Ordinal);
        Assert.DoesNotContain("Docker", unbuilt.Replace("DockerTag", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Run(unbuilt, local: true).Succeeded);
    }

    [Fact]
    public void URLs_that_are_not_S3_stay_refused_even_with_local_artifacts()
    {
        var outcome = Run(Unpackaged.Replace("CodeUri: src/", "CodeUri: https://example.com/code.zip", StringComparison.Ordinal), local: true);
        Assert.False(outcome.Succeeded);
        Assert.EndsWith("Resource with id [Fn] is invalid. 'CodeUri' is not a valid S3 Uri of the form 's3://bucket/key' with optional versionId query parameter.", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Packaged_locations_are_read_as_SAM_reads_them_either_way()
    {
        var packaged = Transform.FunctionHeader;
        var strict = Transform.Properties(Run(packaged, local: false), "Fn").Get("Code");
        var local = Transform.Properties(Run(packaged, local: true), "Fn").Get("Code");
        Assert.Equal(CanonicalJson.Of(strict!), CanonicalJson.Of(local!));
        Assert.Equal("bucket", Assert.IsType<StringNode>(Transform.At(local!, "S3Bucket")).Value);
    }

    [Fact]
    public void An_alias_version_of_local_code_changes_with_the_path()
    {
        static string VersionId(string codeUri)
        {
            var yaml = $"""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: {codeUri}
                      Handler: app.handler
                      Runtime: python3.12
                      AutoPublishAlias: live
                """;
            return Transform.Resources(Run(yaml, local: true)).Keys.Single(k => k.StartsWith("FnVersion", StringComparison.Ordinal));
        }

        Assert.NotEqual(VersionId("src/a"), VersionId("src/b"));
        Assert.Equal(VersionId("src/a"), VersionId("src/a"));
    }
}

/// <summary>The commands: transform follows SAM unless asked, and says how to go on; the permission commands accept local paths.</summary>
public sealed class LocalArtifactsCommandTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: app.handler
              Runtime: python3.12
              Policies:
                - SQSPollerPolicy:
                    QueueName: jobs
        """;

    [Fact]
    public void Transform_refuses_local_paths_as_SAM_does_and_hints_at_the_option()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var r = CliRunner.Run("transform", t);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("template.yaml:6:16: error SP2001:", r.Err, StringComparison.Ordinal);
        Assert.Contains("pass --local-artifacts", r.Err, StringComparison.Ordinal);

        var ok = CliRunner.Run("transform", t, "--local-artifacts");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("\"Code\": \"src/\"", ok.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_SAM_rejects_for_other_reasons_gets_no_hint()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template.Replace("Runtime: python3.12", "Runtime: python3.12\n      Events: 3", StringComparison.Ordinal));
        var r = CliRunner.Run("transform", t);
        Assert.Equal(1, r.ExitCode);
        Assert.DoesNotContain("--local-artifacts", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Permissions_and_validate_accept_local_paths_unless_told_not_to()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var p = CliRunner.Run("permissions", t);
        Assert.Equal(0, p.ExitCode);
        Assert.Contains("sqs:ReceiveMessage", p.Out, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("validate", t).ExitCode);
        Assert.Equal(0, CliRunner.Run("diff", t, t).ExitCode);

        Assert.Equal(1, CliRunner.Run("permissions", t, "--local-artifacts", "false").ExitCode);
        var strict = CliRunner.Run("validate", t, "--local-artifacts", "false");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("'CodeUri' is not a valid S3 Uri", strict.Out + strict.Err, StringComparison.Ordinal);
    }
}
