using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Sam.Core;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Permissions;

/// <summary>Who may call the API routes through which API Gateway invokes a function.</summary>
public sealed class ApiRouteAccessTests
{
    private static IReadOnlyList<ApiRoute> Routes(string yaml, string function)
    {
        var outcome = Transform.Run(yaml);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        var map = PermissionMapBuilder.Build(outcome, new TransformOptions());
        var subject = map.Subjects.Single(s => s.LogicalId == function);
        return [.. subject.InvokedBy.SelectMany(i => i.ApiRoutes ?? [])];
    }

    private const string RestApi = """
        Resources:
          Pool:
            Type: AWS::Cognito::UserPool
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                DefaultAuthorizer: Users
                Authorizers:
                  Users:
                    UserPoolArn: !GetAtt Pool.Arn
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/key.zip
              Handler: index.handler
              Runtime: python3.12
              Events:
                Read:
                  Type: Api
                  Properties: { RestApiId: !Ref Api, Path: '/items/{id}', Method: get }
                Health:
                  Type: Api
                  Properties: { RestApiId: !Ref Api, Path: /health, Method: get, Auth: { Authorizer: NONE } }
                Admin:
                  Type: Api
                  Properties: { RestApiId: !Ref Api, Path: /admin, Method: any, Auth: { Authorizer: AWS_IAM, ApiKeyRequired: true } }
        """;

    [Fact]
    public void Each_REST_route_says_what_its_callers_need()
    {
        var routes = Routes(RestApi, "Fn").ToDictionary(r => r.Route);
        Assert.Equal(["ANY /admin", "GET /health", "GET /items/{id}"], routes.Keys.Order(StringComparer.Ordinal));

        Assert.Equal(ApiAccess.Authorized, routes["GET /items/{id}"].Access);
        Assert.Equal(["Cognito user pool authorizer Users"], routes["GET /items/{id}"].Requires);

        Assert.Equal(ApiAccess.Open, routes["GET /health"].Access);
        Assert.Empty(routes["GET /health"].Requires);
        Assert.Equal("Api GET /health: open, no authorization: anyone who can reach the API may call it", routes["GET /health"].Describe());

        Assert.Equal(["API key", "IAM (SigV4-signed requests)"], routes["ANY /admin"].Requires.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_resource_policy_or_private_endpoint_restricts_an_unauthorized_route()
    {
        var yaml = RestApi.Replace(
            "      Auth:\n        DefaultAuthorizer: Users\n",
            "      EndpointConfiguration: { Type: PRIVATE }\n      Auth:\n",
            StringComparison.Ordinal).Replace(", Auth: { Authorizer: NONE }", "", StringComparison.Ordinal);
        Assert.NotEqual(RestApi, yaml);
        var health = Routes(yaml, "Fn").Single(r => r.Path == "/health");
        Assert.Equal(ApiAccess.Restricted, health.Access);
        Assert.Contains(health.Notes, n => n.StartsWith("private endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void HTTP_API_JWT_scopes_and_the_default_route_are_read_from_the_OpenAPI_definition()
    {
        var routes = Routes("""
            Resources:
              Http:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: Jwt
                    Authorizers:
                      Jwt:
                        IdentitySource: $request.header.Authorization
                        JwtConfiguration: { issuer: https://example.com, audience: [app] }
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Orders:
                      Type: HttpApi
                      Properties: { ApiId: !Ref Http, Path: /orders, Method: post, Auth: { AuthorizationScopes: [orders.write] } }
                    Public:
                      Type: HttpApi
                      Properties: { ApiId: !Ref Http, Path: /status, Method: get, Auth: { Authorizer: NONE } }
            """, "Fn").ToDictionary(r => r.Route);
        Assert.Equal(["JWT authorizer Jwt (scopes orders.write)"], routes["POST /orders"].Requires);
        Assert.Equal(ApiAccess.Open, routes["GET /status"].Access);
    }

    [Fact]
    public void A_definition_outside_the_template_leaves_access_unknown()
    {
        var route = Assert.Single(Routes("""
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  DefinitionUri: s3://bucket/openapi.yaml
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Read:
                      Type: Api
                      Properties: { RestApiId: !Ref Api, Path: /items, Method: get }
            """, "Fn"));
        Assert.Equal(ApiAccess.Unknown, route.Access);
        Assert.Contains("DefinitionUri", route.Notes.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lambda_authorizer_functions_are_invoked_by_API_Gateway_without_a_route()
    {
        var yaml = """
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  Auth:
                    DefaultAuthorizer: Token
                    Authorizers:
                      Token: { FunctionArn: !GetAtt Authorizer.Arn }
              Authorizer:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: s3://bucket/a.zip, Handler: index.handler, Runtime: python3.12 }
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Read:
                      Type: Api
                      Properties: { RestApiId: !Ref Api, Path: /items, Method: get }
            """;
        Assert.Empty(Routes(yaml, "Authorizer"));
        Assert.Equal(["Lambda authorizer Token"], Assert.Single(Routes(yaml, "Fn")).Requires);
    }

    [Fact]
    public void WebSocket_routes_need_what_the_connect_route_requires()
    {
        const string yaml = """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: { InlineCode: '# code', Handler: index.handler, Runtime: nodejs20.x }
              Auth:
                Type: AWS::Serverless::Function
                Properties: { InlineCode: '# code', Handler: index.handler, Runtime: nodejs20.x }
              Chat:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Auth:
                    AuthType: CUSTOM
                    AuthArn: !GetAtt Auth.Arn
                  Routes:
                    $connect: { FunctionArn: !GetAtt Fn.Arn }
                    send: { FunctionArn: !GetAtt Fn.Arn }
            """;
        var routes = Routes(yaml, "Fn").ToDictionary(r => r.Route);
        Assert.Equal(["$connect", "send"], routes.Keys.Order(StringComparer.Ordinal));
        Assert.All(routes.Values, r => Assert.Equal(ApiAccess.Authorized, r.Access));
        Assert.StartsWith("Lambda authorizer ", routes["send"].Requires.Single(), StringComparison.Ordinal);

        var open = Routes(yaml.Replace("      Auth:\n        AuthType: CUSTOM\n        AuthArn: !GetAtt Auth.Arn\n", "", StringComparison.Ordinal), "Fn");
        Assert.All(open, r => Assert.Equal(ApiAccess.Open, r.Access));
        Assert.Equal(2, open.Count);
    }

    [Fact]
    public void A_state_machine_started_through_an_API_role_gets_the_routes_of_that_role()
    {
        const string yaml = """
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  Auth:
                    DefaultAuthorizer: AWS_IAM
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }
                  Policies: []
                  Events:
                    Start:
                      Type: Api
                      Properties: { RestApiId: !Ref Api, Path: /start, Method: post }
                    Public:
                      Type: Api
                      Properties: { RestApiId: !Ref Api, Path: /public, Method: post, Auth: { Authorizer: NONE } }
            """;
        var routes = Routes(yaml, "Flow").ToDictionary(r => r.Route);
        Assert.Equal(["POST /public", "POST /start"], routes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ApiAccess.Authorized, routes["POST /start"].Access);
        Assert.Equal(ApiAccess.Open, routes["POST /public"].Access);

        var info = Assert.Single(SamPerms.Validation.TemplateValidator.ValidateText(yaml, new SamPerms.Validation.ValidationOptions()).Diagnostics,
            d => d.Code == DiagnosticCatalog.OpenApiRoute);
        Assert.Contains("route POST /public has no authorization", info.Message, StringComparison.Ordinal);
        Assert.Equal(NthLineOf(yaml, "Type: Api", 2), info.Line);
    }

    /// <summary>The line of the n-th line containing the text.</summary>
    private static int NthLineOf(string yaml, string text, int nth) =>
        yaml.Split('\n').Select((l, i) => (l, i)).Where(x => x.l.Contains(text, StringComparison.Ordinal)).ElementAt(nth - 1).i + 1;
}
