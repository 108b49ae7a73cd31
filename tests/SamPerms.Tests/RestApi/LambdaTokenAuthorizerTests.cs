using static SamPerms.Tests.RestApi.RestApiTestSupport;

namespace SamPerms.Tests.RestApi;

public sealed class LambdaTokenAuthorizerTests
{
    private const string Template = """
        Resources:
          Shop:
            Type: AWS::Serverless::Api
            Properties:
              StageName: live
              Auth:
                DefaultAuthorizer: TokenAuth
                Authorizers:
                  TokenAuth:
                    FunctionArn: !GetAtt Gatekeeper.Arn
                    Identity:
                      Header: X-Token
                      ReauthorizeEvery: 60
          Gatekeeper:
            Type: AWS::Serverless::Function
            Properties:
              Handler: auth.handler
              Runtime: python3.12
              CodeUri: s3://bucket/auth.zip
          Cart:
            Type: AWS::Serverless::Function
            Properties:
              Handler: cart.handler
              Runtime: python3.12
              CodeUri: s3://bucket/cart.zip
              Events:
                AddItem:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Shop
                    Path: /cart
                    Method: post
        """;

    [Fact]
    public void TokenAuthorizerFunctionMayBeInvokedByTheApisAuthorizers()
    {
        var resources = Transform(Template);
        var permission = Props(resources, "ShopTokenAuthAuthorizerPermission");
        Assert.Equal("lambda:InvokeFunction", permission.Get("Action")!.Str);
        Assert.Equal("""{"Fn::GetAtt":["Gatekeeper","Arn"]}""", JsonOf(permission.Get("FunctionName")!));
        Assert.Equal(
            """{"Fn::Sub":["arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*",{"__ApiId__":{"Ref":"Shop"}}]}""",
            JsonOf(permission.Get("SourceArn")!));
    }

    [Fact]
    public void ExplicitApiEventPermissionIsNamedForTheStage()
    {
        var resources = Transform(Template);
        var arn = JsonOf(Props(resources, "CartAddItemPermissionlive").Get("SourceArn")!);
        Assert.Contains("/POST/cart", arn);
        Assert.Contains("\"__ApiId__\":{\"Ref\":\"Shop\"}", arn);
    }

    [Fact]
    public void DefaultAuthorizerSecuresTheMethodWithATokenAuthorizer()
    {
        var body = JsonOf(Props(Transform(Template), "Shop").Get("Body")!);
        Assert.Contains("\"security\":[{\"TokenAuth\":[]}]", body);
        Assert.Contains("\"type\":\"token\"", body);
        Assert.Contains("\"authorizerResultTtlInSeconds\":60", body);
        Assert.Contains("\"name\":\"X-Token\"", body);
    }

    [Fact]
    public void DisabledDefaultPermissionsLeaveNoAuthorizerPermission()
    {
        var template = Template.Replace("ReauthorizeEvery: 60", "ReauthorizeEvery: 60\n            DisableFunctionDefaultPermissions: true", StringComparison.Ordinal);
        Assert.False(Transform(template).ContainsKey("ShopTokenAuthAuthorizerPermission"));
    }

    [Fact]
    public void UnknownEventAuthorizerIsReportedAsTheReferenceDoes()
    {
        var template = Template.Replace("Method: post", "Method: post\n            Auth:\n              Authorizer: Missing", StringComparison.Ordinal);
        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Cart] is invalid. Event with id [AddItem] is invalid. Unable to set Authorizer [Missing] on API method [post] for path [/cart] because it wasn't defined in the API's Authorizers.",
            Error(template));
    }
}
