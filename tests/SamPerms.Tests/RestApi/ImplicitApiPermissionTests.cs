using static SamPerms.Tests.RestApi.RestApiTestSupport;

namespace SamPerms.Tests.RestApi;

public sealed class ImplicitApiPermissionTests
{
    private const string Template = """
        Resources:
          Orders:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: python3.12
              CodeUri: s3://bucket/orders.zip
              Events:
                ListOrders:
                  Type: Api
                  Properties:
                    Path: /orders/{id}
                    Method: get
                AnyOrders:
                  Type: Api
                  Properties:
                    Path: /orders
                    Method: ANY
        """;

    [Fact]
    public void ImplicitApiPermissionAllowsAnyStageOfServerlessRestApiOnTheMethod()
    {
        var resources = Transform(Template);
        var permission = Props(resources, "OrdersListOrdersPermissionProd");
        Assert.Equal("apigateway.amazonaws.com", permission.Get("Principal")!.Str);
        Assert.Equal("""{"Ref":"Orders"}""", JsonOf(permission.Get("FunctionName")!));
        Assert.Equal(
            """{"Fn::Sub":["arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/GET/orders/*",{"__ApiId__":{"Ref":"ServerlessRestApi"},"__Stage__":"*"}]}""",
            JsonOf(permission.Get("SourceArn")!));
    }

    [Fact]
    public void AnyMethodBecomesAWildcardInTheSourceArn()
    {
        var resources = Transform(Template);
        var arn = JsonOf(Props(resources, "OrdersAnyOrdersPermissionProd").Get("SourceArn")!);
        Assert.Contains("${__ApiId__}/${__Stage__}/*/orders\"", arn);
    }

    [Fact]
    public void ImplicitApiGetsAProdStageAndAnAwsProxyIntegration()
    {
        var resources = Transform(Template);
        Assert.Equal("Prod", Props(resources, "ServerlessRestApiProdStage").Get("StageName")!.Str);
        var body = JsonOf(Props(resources, "ServerlessRestApi").Get("Body")!);
        Assert.Contains("\"x-amazon-apigateway-any-method\"", body);
        Assert.Contains("\"type\":\"aws_proxy\"", body);
    }
}
