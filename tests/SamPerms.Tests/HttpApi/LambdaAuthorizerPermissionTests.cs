using SamPerms.Tests.Support;
using SamPerms.Model;

namespace SamPerms.Tests.HttpApi;

/// <summary>Lambda authorizers of an explicit HttpApi: the security scheme and the invoke permission.</summary>
public sealed class LambdaAuthorizerPermissionTests
{
    private static string Template(string enablePermissions) => $$"""
        Resources:
          MyApi:
            Type: AWS::Serverless::HttpApi
            Properties:
              Auth:
                DefaultAuthorizer: TokenCheck
                Authorizers:
                  TokenCheck:
                    FunctionArn: !GetAtt AuthFunction.Arn
                    AuthorizerPayloadFormatVersion: "2.0"
                    EnableSimpleResponses: true
                    Identity:
                      Headers: [Authorization]
                      ReauthorizeEvery: 60
                    {{enablePermissions}}
          AuthFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: auth.handler
              CodeUri: s3://bucket/auth.zip
          AppFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              Events:
                Get:
                  Type: HttpApi
                  Properties:
                    ApiId: !Ref MyApi
                    Path: /things
                    Method: GET
        """;

    [Fact]
    public void Authorizer_with_default_permissions_gets_an_invoke_permission_for_any_authorizer_of_the_api()
    {
        var resources = Transform.Resources(Template("EnableFunctionDefaultPermissions: true"));
        var permission = Transform.Properties(resources, "MyApiTokenCheckAuthorizerPermission");

        Assert.Equal("lambda:InvokeFunction", permission.Get("Action")!.Str);
        Assert.Equal("apigateway.amazonaws.com", permission.Get("Principal")!.Str);
        Assert.Equal("""{"Fn::GetAtt":["AuthFunction","Arn"]}""", Transform.JsonOf(permission.Get("FunctionName")));
        Assert.Equal(
            """{"Fn::Sub":["arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*",{"__ApiId__":{"Ref":"MyApi"}}]}""",
            Transform.JsonOf(permission.Get("SourceArn")));
    }

    [Fact]
    public void Authorizer_without_default_permissions_gets_none()
    {
        var resources = Transform.Resources(Template(""));
        Assert.DoesNotContain(resources.Keys, k => k.EndsWith("AuthorizerPermission", StringComparison.Ordinal));
    }

    [Fact]
    public void Authorizer_becomes_a_request_security_scheme_used_by_default()
    {
        var resources = Transform.Resources(Template(""));
        var body = (MapNode)Transform.Properties(resources, "MyApi").Get("Body")!;
        var scheme = (MapNode)((MapNode)((MapNode)body.Get("components")!).Get("securitySchemes")!).Get("TokenCheck")!;
        var authorizer = (MapNode)scheme.Get("x-amazon-apigateway-authorizer")!;
        Assert.Equal("request", authorizer.Get("type")!.Str);
        Assert.Equal("""["$request.header.Authorization"]""", Transform.JsonOf(authorizer.Get("identitySource")));
        Assert.Equal(
            """{"Fn::Sub":["arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations",{"__FunctionArn__":{"Fn::GetAtt":["AuthFunction","Arn"]}}]}""",
            Transform.JsonOf(authorizer.Get("authorizerUri")));

        var get = (MapNode)((MapNode)((MapNode)body.Get("paths")!).Get("/things")!).Get("get")!;
        Assert.Equal("""[{"TokenCheck":[]}]""", Transform.JsonOf(get.Get("security")));

        // The route's own permission points at the explicit API.
        var routePermission = Transform.Properties(resources, "AppFunctionGetPermission");
        Assert.Contains("""{"__ApiId__":{"Ref":"MyApi"},"__Stage__":"*"}""", Transform.JsonOf(routePermission.Get("SourceArn")), StringComparison.Ordinal);
    }

    [Fact]
    public void Lambda_authorizer_without_payload_version_is_rejected()
    {
        const string template = """
            Resources:
              MyApi:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    Authorizers:
                      NoVersion:
                        FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth
            """;
        var outcome = Transform.Run(template);
        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [MyApi] is invalid. NoVersion Lambda Authorizer must define 'AuthorizerPayloadFormatVersion'.",
            outcome.ErrorMessage);
    }
}
