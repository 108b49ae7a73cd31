using SamPerms.Model;
using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.StateMachine;

/// <summary>
/// A state machine's Api event writes a StartExecution integration into the REST API SAM manages; the expected
/// Deployment id below is what the reference translator gives for this template.
/// </summary>
public sealed class StateMachineApiEventTests
{
    private const string ImplicitApi = """
        Resources:
          Orders:
            Type: AWS::Serverless::StateMachine
            Properties:
              Definition:
                StartAt: Done
                States:
                  Done:
                    Type: Succeed
              Policies: []
              Events:
                PlaceOrder:
                  Type: Api
                  Properties:
                    Path: /orders
                    Method: POST
        """;

    [Fact]
    public void Integration_starts_the_execution_with_the_event_role()
    {
        var resources = Resources(ImplicitApi);
        var body = (MapNode)Properties(resources, "ServerlessRestApi").Get("Body")!;
        var post = (MapNode)((MapNode)((MapNode)body.Get("paths")!).Get("/orders")!).Get("post")!;
        var integration = (MapNode)post.Get("x-amazon-apigateway-integration")!;

        Assert.Equal("aws", integration.Get("type")!.Str);
        Assert.Equal("""{"Fn::GetAtt":["OrdersPlaceOrderRole","Arn"]}""", JsonOf(integration.Get("credentials")!));
        Assert.Equal("""{"Fn::Sub":"arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution"}""", JsonOf(integration.Get("uri")!));
        Assert.NotNull(resources.Get("OrdersPlaceOrderRole"));
    }

    [Fact]
    public void Deployment_id_matches_the_reference()
    {
        Assert.Equal("ServerlessRestApiDeployment8340fa906d", DeploymentId(Resources(ImplicitApi), "ServerlessRestApi"));
    }

    [Fact]
    public void Same_method_twice_is_refused()
    {
        var twice = ImplicitApi + """

                    PlaceOrderAgain:
                      Type: Api
                      Properties:
                        Path: /orders
                        Method: post
            """;

        // The reference's Python 2.7 event order handles PlaceOrderAgain first, so PlaceOrder is the duplicate.
        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 1. Event with id [PlaceOrder] is invalid. "
            + "API method \"post\" defined multiple times for path \"/orders\".",
            Error(twice));
    }
}
