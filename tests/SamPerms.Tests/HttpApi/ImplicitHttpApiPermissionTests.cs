using SamPerms.Tests.Support;
using SamPerms.Model;

namespace SamPerms.Tests.HttpApi;

/// <summary>HttpApi events without ApiId: the implicit ServerlessHttpApi and each route's invoke permission.</summary>
public sealed class ImplicitHttpApiPermissionTests
{
    private const string Template = """
        Resources:
          ItemsFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/items.zip
              Events:
                GetItem:
                  Type: HttpApi
                  Properties:
                    Path: /items/{id}/
                    Method: get
                AnyOrder:
                  Type: HttpApi
                  Properties:
                    Path: /orders
                    Method: ANY
          CatchAllFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/all.zip
              Events:
                Everything:
                  Type: HttpApi
        """;

    [Fact]
    public void Route_permission_is_scoped_to_the_implicit_api_method_and_path()
    {
        var resources = Transform.Resources(Template);
        var permission = Transform.Properties(resources, "ItemsFunctionGetItemPermission");

        Assert.Equal("lambda:InvokeFunction", permission.Get("Action")!.Str);
        Assert.Equal("apigateway.amazonaws.com", permission.Get("Principal")!.Str);
        Assert.Equal("""{"Ref":"ItemsFunction"}""", Transform.JsonOf(permission.Get("FunctionName")));

        // Trailing slash dropped, path parameters become "*", any stage of the implicit API.
        Assert.Equal(
            """{"Fn::Sub":["arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/GET/items/*",{"__ApiId__":{"Ref":"ServerlessHttpApi"},"__Stage__":"*"}]}""",
            Transform.JsonOf(permission.Get("SourceArn")));
    }

    [Fact]
    public void Any_method_and_default_route_permissions_allow_every_method()
    {
        var resources = Transform.Resources(Template);
        var any = Transform.Properties(resources, "ItemsFunctionAnyOrderPermission");
        Assert.Contains("${__Stage__}/*/orders\"", Transform.JsonOf(any.Get("SourceArn")), StringComparison.Ordinal);

        var catchAll = Transform.Properties(resources, "CatchAllFunctionEverythingPermission");
        Assert.Contains("${__ApiId__}/${__Stage__}/*\"", Transform.JsonOf(catchAll.Get("SourceArn")), StringComparison.Ordinal);
    }

    [Fact]
    public void Implicit_api_carries_the_integrations_and_a_default_stage()
    {
        var resources = Transform.Resources(Template);
        var api = Transform.Properties(resources, "ServerlessHttpApi");
        var paths = (MapNode)((MapNode)api.Get("Body")!).Get("paths")!;
        Assert.Equal(["/items/{id}/", "/orders", "$default"], paths.Keys.ToArray());
        Assert.True(((MapNode)((MapNode)paths.Get("$default")!).Get("x-amazon-apigateway-any-method")!).ContainsKey("isDefaultRoute"));

        var stage = Transform.Properties(resources, "ServerlessHttpApiApiGatewayDefaultStage");
        Assert.Equal("$default", stage.Get("StageName")!.Str);
    }

    [Fact]
    public void Function_serving_the_default_route_needs_no_other_route_permission()
    {
        const string template = """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://bucket/fn.zip
                  Events:
                    Default:
                      Type: HttpApi
                    Specific:
                      Type: HttpApi
                      Properties:
                        Path: /specific
                        Method: post
            """;
        var resources = Transform.Resources(template);
        Assert.True(resources.ContainsKey("FnDefaultPermission"));
        Assert.False(resources.ContainsKey("FnSpecificPermission"));
    }

    [Fact]
    public void Event_missing_its_method_is_rejected_with_the_reference_message()
    {
        const string template = """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://bucket/fn.zip
                  Events:
                    Broken:
                      Type: HttpApi
                      Properties:
                        Path: /only-a-path
            """;
        var outcome = Transform.Run(template);
        Assert.False(outcome.Succeeded);
        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. Event with id [Broken] is invalid. Property 'Method' is required.",
            outcome.ErrorMessage);
    }
}
