using static SamPerms.Tests.RestApi.RestApiTestSupport;

namespace SamPerms.Tests.RestApi;

/// <summary>
/// The Deployment's logical id hashes the Python 2.7 str() of the definition; the expected ids below are what
/// the reference translator gives for these templates.
/// </summary>
public sealed class DeploymentHashTests
{
    private const string Implicit = """
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
    public void ImplicitApiDeploymentIdMatchesTheReference()
    {
        var resources = Transform(Implicit);
        Assert.Equal("ServerlessRestApiDeployment143974f499", DeploymentId(resources, "ServerlessRestApi"));
        Assert.StartsWith("RestApi deployment id: 143974f499", Props(resources, "ServerlessRestApiDeployment143974f499").Get("Description")!.Str);
        Assert.Equal("""{"Ref":"ServerlessRestApiDeployment143974f499"}""", JsonOf(Props(resources, "ServerlessRestApiProdStage").Get("DeploymentId")!));
    }

    [Fact]
    public void DeploymentIdIsStableAcrossRuns()
    {
        Assert.Equal(DeploymentId(Transform(Implicit), "ServerlessRestApi"), DeploymentId(Transform(Implicit), "ServerlessRestApi"));
    }

    [Fact]
    public void DeploymentIdChangesWithTheDefinition()
    {
        var changed = Implicit.Replace("Path: /orders\n", "Path: /all-orders\n", StringComparison.Ordinal);
        Assert.NotEqual(DeploymentId(Transform(Implicit), "ServerlessRestApi"), DeploymentId(Transform(changed), "ServerlessRestApi"));
    }

    [Fact]
    public void DeploymentIdDependsOnThePartition()
    {
        // The integration URI names the partition, so the definition (and its hash) differ.
        Assert.NotEqual(DeploymentId(Transform(Implicit), "ServerlessRestApi"), DeploymentId(Transform(Implicit, "cn-north-1"), "ServerlessRestApi"));
    }

    [Fact]
    public void ExplicitApiWithAuthorizerDeploymentIdMatchesTheReference()
    {
        const string template = """
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
        Assert.Equal("ShopDeploymentd2c9dc65e0", DeploymentId(Transform(template), "Shop"));
    }
}
