using SamPerms.Diagnostics;
using SamPerms.Tests.Support;
using SamPerms.Validation;

namespace SamPerms.Tests.Validation;

/// <summary>Deploy-time parameter values and repository applications: analysis goes on, saying what it assumed.</summary>
public sealed class DeployTimeValueTests
{
    private const string NoDefault = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          AliasName:
            Type: String
          Sha:
            Type: String
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              AutoPublishAlias: !Ref AliasName
              AutoPublishCodeSha256: !Ref Sha
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: iam:PassRole
                      Resource: '*'

        """;

    [Fact]
    public void A_parameter_without_default_where_sam_needs_a_literal_is_an_info_and_the_rest_is_analysed()
    {
        var all = Check.All(NoDefault);
        Assert.DoesNotContain(all, d => d.Severity == Severity.Error);
        var info = Assert.Single(all, d => d.Code == DiagnosticCatalog.DeployTimeValue);
        Assert.Equal(Severity.Info, info.Severity);
        Assert.Equal(Check.LineOf(NoDefault, "AutoPublishAlias: !Ref AliasName"), info.Line);
        Assert.Contains("AliasName='AliasName'", info.Message, StringComparison.Ordinal);
        Assert.Contains("--parameter-overrides AliasName=VALUE", info.Message, StringComparison.Ordinal);
        Assert.Contains(all, d => d.Code == DiagnosticCatalog.PassRoleOnAnyRole && d.Line == Check.LineOf(NoDefault, "iam:PassRole"));
    }

    [Fact]
    public void With_an_override_there_is_nothing_to_assume()
    {
        var options = new ValidationOptions { Transform = new() { ParameterOverrides = new Dictionary<string, string> { ["AliasName"] = "live", ["Sha"] = "abc" } } };
        Assert.DoesNotContain(Check.All(NoDefault, options), d => d.Code == DiagnosticCatalog.DeployTimeValue);
    }

    [Fact]
    public void The_transform_still_fails_as_the_translator_does_and_the_cli_names_the_parameter()
    {
        Assert.EndsWith("Resource with id [Fn] is invalid. 'AutoPublishAlias' must be a string or a Ref to a template parameter", Transform.Run(NoDefault).ErrorMessage, StringComparison.Ordinal);
        var dir = Directory.CreateTempSubdirectory("samperms-nodefault-");
        try
        {
            var path = Path.Combine(dir.FullName, "template.yaml");
            File.WriteAllText(path, NoDefault);
            var r = CliRunner.Run("transform", path);
            Assert.NotEqual(0, r.ExitCode);
            Assert.Contains("--parameter-overrides AliasName=VALUE Sha=VALUE", r.Err, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private const string Sar = Check.Function + """
          App:
            Type: AWS::Serverless::Application
            Properties:
              Location:
                ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/app
                SemanticVersion: 1.0.0
          Other:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: s3:GetObjectt
                      Resource: '*'

        """;

    [Fact]
    public void A_repository_application_is_a_warning_and_every_other_resource_is_checked()
    {
        var all = Check.All(Sar);
        var d = Assert.Single(all, x => x.Code == DiagnosticCatalog.OfflineApplication);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(Check.LineOf(Sar, "ApplicationId"), d.Line);
        Assert.Contains(all, x => x.Code == DiagnosticCatalog.UnknownAction && x.Line == Check.LineOf(Sar, "s3:GetObjectt"));
        Assert.DoesNotContain(all, x => x.Code == DiagnosticCatalog.SamTransformError);
    }

    [Fact]
    public void A_repository_application_given_by_url_needs_nothing()
    {
        var yaml = Check.Function + "  App:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: https://bucket.s3.amazonaws.com/app.yaml\n";
        Assert.Empty(Check.All(yaml));
    }

    [Fact]
    public void The_transform_names_the_resource_that_needs_the_network()
    {
        var message = Transform.Run(Sar).ErrorMessage;
        Assert.Contains("Resource with id [App]", message, StringComparison.Ordinal);
        Assert.Contains("Serverless Application Repository", message, StringComparison.Ordinal);
    }
}
