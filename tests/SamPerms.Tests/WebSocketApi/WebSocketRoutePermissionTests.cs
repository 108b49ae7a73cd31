using SamPerms.Tests.Support;

namespace SamPerms.Tests.WebSocketApi;

/// <summary>WebSocket routes: each route's function may be invoked from its stage and route key only.</summary>
public sealed class WebSocketRoutePermissionTests
{
    private static string Template(string stage) => $$"""
        Resources:
          ChatApi:
            Type: AWS::Serverless::WebSocketApi
            Properties:
              RouteSelectionExpression: $request.body.action
              {{stage}}
              Auth:
                AuthType: CUSTOM
                AuthArn: !GetAtt AuthFunction.Arn
                IdentitySource: [route.request.header.Auth]
              Routes:
                $connect:
                  FunctionArn: !GetAtt ConnectFunction.Arn
                sendMessage:
                  FunctionArn: !GetAtt SendFunction.Arn
                  IntegrationTimeout: 5000
          AuthFunction:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.h, CodeUri: s3://bucket/a.zip}
          ConnectFunction:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: c.h, CodeUri: s3://bucket/c.zip}
          SendFunction:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: s.h, CodeUri: s3://bucket/s.zip}
        """;

    [Fact]
    public void Route_permission_names_the_stage_and_route_key()
    {
        var resources = Transform.Resources(Template("StageName: prod"));
        var permission = Transform.Properties(resources, "ChatApiSendmessagePermission");
        Assert.Equal("lambda:InvokeFunction", permission.Get("Action")!.Str);
        Assert.Equal("apigateway.amazonaws.com", permission.Get("Principal")!.Str);
        Assert.Equal("""{"Fn::GetAtt":["SendFunction","Arn"]}""", Transform.JsonOf(permission.Get("FunctionName")));
        Assert.Equal(
            """{"Fn::Sub":"arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ChatApi.ApiId}/prod/sendMessage"}""",
            Transform.JsonOf(permission.Get("SourceArn")));

        var connect = Transform.Properties(resources, "ChatApiConnectPermission");
        Assert.EndsWith("/prod/$connect\"}", Transform.JsonOf(connect.Get("SourceArn")), StringComparison.Ordinal);
        Assert.True(resources.ContainsKey("ChatApiprodStage"));
    }

    [Fact]
    public void Default_stage_and_custom_authorizer_permission()
    {
        var resources = Transform.Resources(Template(""));
        var permission = Transform.Properties(resources, "ChatApiSendmessagePermission");
        Assert.EndsWith("/default/sendMessage\"}", Transform.JsonOf(permission.Get("SourceArn")), StringComparison.Ordinal);

        var route = Transform.Properties(resources, "ChatApiConnectRoute");
        Assert.Equal("CUSTOM", route.Get("AuthorizationType")!.Str);
        Assert.Equal("""{"Ref":"ChatApiConnectAuthorizer"}""", Transform.JsonOf(route.Get("AuthorizerId")));

        var authorizerPermission = Transform.Properties(resources, "ChatApiAuthorizerPermission");
        Assert.Equal("""{"Fn::GetAtt":["AuthFunction","Arn"]}""", Transform.JsonOf(authorizerPermission.Get("FunctionName")));
        Assert.Equal(
            """{"Fn::Sub":["arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*",{"__ApiId__":{"Ref":"ChatApi"}}]}""",
            Transform.JsonOf(authorizerPermission.Get("SourceArn")));
    }

    [Fact]
    public void Route_without_function_is_rejected()
    {
        const string template = """
            Resources:
              WSApi:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Routes:
                    $default:
                      IntegrationTimeout: 100
            """;
        var outcome = Transform.Run(template);
        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [WSApi] is invalid. Route must have associated function.",
            outcome.ErrorMessage);
    }
}
