using SamPerms.Tests.Support;
using SamPerms.Tests.Validation;

namespace SamPerms.Tests.RestApi;

/// <summary>
/// Errors about API definitions and API events carry the reference's message and point at a line the author
/// wrote: the offending node of the definition, else the property SAM built the value from, else the event.
/// </summary>
public sealed class ApiErrorLocationTests
{
    private static (string Message, int Line) SingleError(string yaml)
    {
        var outcome = Transform.Run(yaml);
        Assert.False(outcome.Succeeded, "the transform was expected to fail");
        var d = Assert.Single(outcome.Diagnostics);
        Assert.True(d.Span.Line > 0, $"no line for: {d.Message}");
        return (d.Message, d.Span.Line);
    }

    [Theory]
    [InlineData("Api", "Method: get", "Path")]
    [InlineData("Api", "Path: /a", "Method")]
    [InlineData("HttpApi", "Path: /a", "Method")]
    public void A_missing_path_or_method_points_at_the_event_properties(string type, string given, string missing)
    {
        var yaml = Transform.FunctionHeader + $$"""

                  Events:
                    Web:
                      Type: {{type}}
                      Properties:
                        {{given}}
            """;
        var (message, line) = SingleError(yaml);
        Assert.Equal($"Resource with id [Fn] is invalid. Event with id [Web] is invalid. Property '{missing}' is required.", message);
        Assert.Equal(Check.LineOf(yaml, given), line);
    }

    private const string ApiHead = """
        Resources:
          Gateway:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod

        """;

    [Fact]
    public void A_model_without_type_points_at_the_model()
    {
        var yaml = ApiHead + """
                  Models:
                    Order:
                      properties: {}
                  DefinitionBody:
                    swagger: '2.0'
                    paths: {}
            """;
        var (message, line) = SingleError(yaml);
        Assert.Equal("Structure of the SAM template is invalid. 'Models' schema is missing 'type'.", message);
        Assert.Equal(Check.LineOf(yaml, "properties: {}"), line);
    }

    [Fact]
    public void Security_that_is_not_a_list_points_at_it_in_the_definition()
    {
        var yaml = ApiHead + """
                  Auth:
                    DefaultAuthorizer: AWS_IAM
                  DefinitionBody:
                    swagger: '2.0'
                    paths:
                      /orders:
                        get:
                          x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: arn}
                          security: {api_key: []}
            """;
        var (message, line) = SingleError(yaml);
        Assert.Equal("Structure of the SAM template is invalid. Type of security for path /orders method get must be a list", message);
        Assert.Equal(Check.LineOf(yaml, "security:"), line);
    }

    [Fact]
    public void A_vpc_list_that_is_not_strings_points_at_it()
    {
        var yaml = """
            Parameters:
              Vpc:
                Type: String
            Resources:
              Gateway:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  Auth:
                    ResourcePolicy:
                      SourceVpcBlacklist: [!Ref Vpc]
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Web:
                      Type: Api
                      Properties:
                        RestApiId: !Ref Gateway
                        Path: /a
                        Method: get
            """;
        var (message, line) = SingleError(yaml);
        Assert.Equal("Structure of the SAM template is invalid. SourceVpcBlacklist must be a list of strings. Use IntrinsicVpcBlacklist instead for values that use Intrinsic Functions", message);
        Assert.Equal(Check.LineOf(yaml, "SourceVpcBlacklist"), line);
    }

    [Fact]
    public void Options_responses_that_are_not_a_map_point_at_them()
    {
        var yaml = ApiHead + """
                  OpenApiVersion: 3.0.1
                  Cors: "'*'"
                  DefinitionBody:
                    openapi: 3.0.1
                    paths:
                      /orders:
                        options:
                          responses: not-a-map
            """;
        var (message, line) = SingleError(yaml);
        Assert.Equal("Structure of the SAM template is invalid. Invalid responses in options method for path /orders: It should be a map.", message);
        Assert.Equal(Check.LineOf(yaml, "responses: not-a-map"), line);
    }

    [Fact]
    public void A_definition_that_is_not_swagger_points_at_definition_body()
    {
        var yaml = ApiHead + """
                  DisableExecuteApiEndpoint: true
                  DefinitionBody:
                    Fn::If: [Never, swagger.json]
            """;
        var (message, line) = SingleError(yaml);
        Assert.Equal("Structure of the SAM template is invalid. Invalid Swagger document or the Swagger document is not explicitly defined in 'DefinitionBody'.", message);
        Assert.Equal(Check.LineOf(yaml, "Fn::If"), line);
    }
}
