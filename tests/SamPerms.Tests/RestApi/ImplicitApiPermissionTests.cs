using static SamPerms.Tests.RestApi.RestApiTemplates;
using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.RestApi;

public sealed class ImplicitApiPermissionTests
{

    [Fact]
    public void ImplicitApiPermissionAllowsAnyStageOfServerlessRestApiOnTheMethod()
    {
        var resources = Resources(ImplicitApi);
        var permission = Properties(resources, "OrdersListOrdersPermissionProd");
        Assert.Equal("apigateway.amazonaws.com", permission.Get("Principal")!.Str);
        Assert.Equal("""{"Ref":"Orders"}""", JsonOf(permission.Get("FunctionName")!));
        Assert.Equal(
            """{"Fn::Sub":["arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/GET/orders/*",{"__ApiId__":{"Ref":"ServerlessRestApi"},"__Stage__":"*"}]}""",
            JsonOf(permission.Get("SourceArn")!));
    }

    [Fact]
    public void AnyMethodBecomesAWildcardInTheSourceArn()
    {
        var resources = Resources(ImplicitApi);
        var arn = JsonOf(Properties(resources, "OrdersAnyOrdersPermissionProd").Get("SourceArn")!);
        Assert.Contains("${__ApiId__}/${__Stage__}/*/orders\"", arn);
    }

    [Fact]
    public void ImplicitApiGetsAProdStageAndAnAwsProxyIntegration()
    {
        var resources = Resources(ImplicitApi);
        Assert.Equal("Prod", Properties(resources, "ServerlessRestApiProdStage").Get("StageName")!.Str);
        var body = JsonOf(Properties(resources, "ServerlessRestApi").Get("Body")!);
        Assert.Contains("\"x-amazon-apigateway-any-method\"", body);
        Assert.Contains("\"type\":\"aws_proxy\"", body);
    }
}
