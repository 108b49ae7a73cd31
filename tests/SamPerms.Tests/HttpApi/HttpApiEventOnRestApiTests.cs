using SamPerms.Model;
using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.HttpApi;

/// <summary>
/// An HttpApi event may name a REST API (the reference tolerates it): its integration goes into the REST API's
/// OpenAPI body with the Python 2.7 string types the reference has, which the REST deployment hash sees. The
/// expected Deployment id is what the reference translator gives for this template.
/// </summary>
public sealed class HttpApiEventOnRestApiTests
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
                  Type: HttpApi
                  Properties:
                    ApiId: !Ref OrdersApi
                    Path: /orders
                    Method: GET
          OrdersApi:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              DefinitionBody:
                openapi: '3.0'
                info:
                  title: orders
                paths: {}
        """;

    [Fact]
    public void Integration_goes_into_the_rest_api_body()
    {
        var body = (MapNode)Properties(Resources(Template), "OrdersApi").Get("Body")!;
        var get = (MapNode)((MapNode)((MapNode)body.Get("paths")!).Get("/orders")!).Get("get")!;
        var integration = (MapNode)get.Get("x-amazon-apigateway-integration")!;
        Assert.Equal("aws_proxy", integration.Get("type")!.Str);
        Assert.Equal("2.0", integration.Get("payloadFormatVersion")!.Str);
    }

    [Fact]
    public void Deployment_id_matches_the_reference()
    {
        Assert.Equal("OrdersApiDeploymentbcc5408b1e", DeploymentId(Resources(Template), "OrdersApi"));
    }
}
