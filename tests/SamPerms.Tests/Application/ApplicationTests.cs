using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.Application;

public sealed class ApplicationTests
{
    [Fact]
    public void Url_location_becomes_a_nested_stack()
    {
        var resources = Resources("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Child:
                Type: AWS::Serverless::Application
                Properties:
                  Location: https://bucket.s3.amazonaws.com/child.yaml
                  Parameters:
                    Stage: prod
            """);
        var stack = resources.Resource("Child");
        Assert.Equal("AWS::CloudFormation::Stack", At(stack, "Type")!.Str);
        Assert.Equal("https://bucket.s3.amazonaws.com/child.yaml", At(stack, "Properties", "TemplateURL")!.Str);
        Assert.Equal("""[{"Key":"lambda:createdBy","Value":"SAM"}]""", JsonOf(At(stack, "Properties", "Tags")));
    }

    [Fact]
    public void Repository_application_is_an_error_on_that_resource_and_other_errors_are_still_reported()
    {
        var outcome = Run("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              FromRepo:
                Type: AWS::Serverless::Application
                Properties:
                  Location:
                    ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/hello
                    SemanticVersion: 1.0.0
              Table:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  PrimaryKey:
                    Name: id
                    Type: Text
            """);
        Assert.False(outcome.Succeeded);
        Assert.Contains("Number of errors found: 2.", outcome.ErrorMessage);
        Assert.Contains("Resource with id [FromRepo] is invalid. Location refers to the Serverless Application Repository application", outcome.ErrorMessage);
        Assert.Contains("Resource with id [Table] is invalid. Invalid 'Type' \"Text\".", outcome.ErrorMessage);
    }
}
