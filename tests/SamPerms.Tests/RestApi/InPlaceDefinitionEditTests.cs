using SamPerms.Tests.Support;

namespace SamPerms.Tests.RestApi;

/// <summary>
/// API events edit their API's definition in place (the reference edits a copy and writes it back). An edit that
/// fails half way must still leave the definition as it was for the events after it, as the reference's does: the
/// reference (aws-sam-translator 1.110.0) reports only the failing event here, not the later event on the same route.
/// </summary>
public sealed class InPlaceDefinitionEditTests
{
    // The reference expands Second before First; Second's event adds its route, then fails on its parameters.
    private const string Template = """
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
          First:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/key.zip
              Handler: index.handler
              Runtime: python3.12
              Events:
                Get:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Api
                    Path: /items
                    Method: get
          Second:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/key.zip
              Handler: index.handler
              Runtime: python3.12
              Events:
                Get:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Api
                    Path: /items
                    Method: get
                    RequestParameters:
                      - notavalidparameter
        """;

    [Fact]
    public void A_failed_edit_leaves_the_definition_as_it_was_for_the_next_event()
    {
        var outcome = Transform.Run(Template);
        Assert.False(outcome.Succeeded);
        Assert.StartsWith("Invalid Serverless Application Specification document. Number of errors found: 1.", outcome.ErrorMessage, StringComparison.Ordinal);
        var error = Assert.Single(outcome.Diagnostics);
        Assert.Contains("Resource with id [Second] is invalid. Event with id [Get] is invalid. Invalid value for 'RequestParameters' property.", error.Message, StringComparison.Ordinal);
    }
}
