using static SamPerms.Tests.RestApi.RestApiTemplates;
using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.RestApi;

public sealed class LambdaTokenAuthorizerTests
{

    [Fact]
    public void TokenAuthorizerFunctionMayBeInvokedByTheApisAuthorizers()
    {
        var resources = Resources(TokenAuthorizer);
        var permission = Properties(resources, "ShopTokenAuthAuthorizerPermission");
        Assert.Equal("lambda:InvokeFunction", permission.Get("Action")!.Str);
        Assert.Equal("""{"Fn::GetAtt":["Gatekeeper","Arn"]}""", JsonOf(permission.Get("FunctionName")!));
        Assert.Equal(
            """{"Fn::Sub":["arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*",{"__ApiId__":{"Ref":"Shop"}}]}""",
            JsonOf(permission.Get("SourceArn")!));
    }

    [Fact]
    public void ExplicitApiEventPermissionIsNamedForTheStage()
    {
        var resources = Resources(TokenAuthorizer);
        var arn = JsonOf(Properties(resources, "CartAddItemPermissionlive").Get("SourceArn")!);
        Assert.Contains("/POST/cart", arn);
        Assert.Contains("\"__ApiId__\":{\"Ref\":\"Shop\"}", arn);
    }

    [Fact]
    public void DefaultAuthorizerSecuresTheMethodWithATokenAuthorizer()
    {
        var body = JsonOf(Properties(Resources(TokenAuthorizer), "Shop").Get("Body")!);
        Assert.Contains("\"security\":[{\"TokenAuth\":[]}]", body);
        Assert.Contains("\"type\":\"token\"", body);
        Assert.Contains("\"authorizerResultTtlInSeconds\":60", body);
        Assert.Contains("\"name\":\"X-Token\"", body);
    }

    [Fact]
    public void DisabledDefaultPermissionsLeaveNoAuthorizerPermission()
    {
        var template = TokenAuthorizer.Replace("ReauthorizeEvery: 60", "ReauthorizeEvery: 60\n            DisableFunctionDefaultPermissions: true", StringComparison.Ordinal);
        Assert.False(Resources(template).ContainsKey("ShopTokenAuthAuthorizerPermission"));
    }

    [Fact]
    public void UnknownEventAuthorizerIsReportedAsTheReferenceDoes()
    {
        var template = TokenAuthorizer.Replace("Method: post", "Method: post\n            Auth:\n              Authorizer: Missing", StringComparison.Ordinal);
        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Cart] is invalid. Event with id [AddItem] is invalid. Unable to set Authorizer [Missing] on API method [post] for path [/cart] because it wasn't defined in the API's Authorizers.",
            Error(template));
    }
}
