using SamPerms.Tests.Support;

namespace SamPerms.Tests.Function;

/// <summary>Inputs from the reference's own test suite that the corpus leaves out, checked against its messages.</summary>
public sealed class OddInputTests
{
    [Fact]
    public void A_logical_id_written_as_a_number_is_refused_like_the_reference()
    {
        var error = Transform.Error("""
            Resources:
              0:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  CodeUri: s3://bucket/code.zip
            """);
        Assert.Equal("Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [0] is invalid. Logical ids must be alphanumeric.", error);
    }

    [Theory]
    [InlineData("s3://[TOKEN.25]/my/key", false)]
    [InlineData("s3://[::1]/my/key", true)]
    [InlineData("s3://bucket]/my/key", false)]
    [InlineData("s3://bucket/my/key", true)]
    public void An_s3_uri_with_a_bracketed_host_must_hold_an_ip_address(string uri, bool valid)
    {
        var outcome = Transform.Run(Transform.FunctionHeader.Replace("s3://bucket/key.zip", uri, StringComparison.Ordinal));
        Assert.Equal(valid, outcome.Succeeded);
        if (!valid)
        {
            Assert.Contains("'CodeUri' is not a valid S3 Uri", outcome.ErrorMessage);
        }
    }

    [Fact]
    public void A_repository_application_reports_its_own_mistakes_before_the_offline_limit()
    {
        var error = Transform.Error("""
            Resources:
              App:
                Type: AWS::Serverless::Application
                Properties:
                  Location:
                    ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/hello
                    SemanticVersion: 1.0.0
                  Tags:
                    lambda:createdBy: me
            """);
        Assert.Contains("lambda:createdBy is a reserved Tag key name", error);
    }

    [Fact]
    public void A_repository_application_without_other_mistakes_is_reported_as_needing_the_network()
    {
        var error = Transform.Error("""
            Resources:
              App:
                Type: AWS::Serverless::Application
                Properties:
                  Location:
                    ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/hello
                    SemanticVersion: 1.0.0
            """);
        Assert.Contains("SamPerms works offline", error);
    }
}
