using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.HttpApi;

namespace SamPerms.Sam.WebSocketApi;

/// <summary>
/// A WebSocket API's routes: each gets an AWS::ApiGatewayV2::Route, an AWS_PROXY integration with its
/// function, and a permission for API Gateway to invoke that function from this stage and route. Auth applies
/// to the $connect route only (IAM, NONE, or a Lambda REQUEST authorizer).
/// </summary>
public sealed partial class WebSocketApiGenerator
{
    private const string AuthNone = "NONE";
    private const string AuthAwsIam = "AWS_IAM";
    private const string AuthCustom = "CUSTOM";
    private static readonly string[] SpecialRoutes = ["$connect", "$disconnect", "$default"];

    private readonly Dictionary<string, string> _routeKeyById = new(StringComparer.Ordinal);

    private (CfnResource Route, CfnResource Integration, CfnResource Permission, CfnResource? Authorizer) ConstructRouteInfrastructure(string routeKey, Node routeSpec)
    {
        var clean = SanitizeRouteKey(routeKey);

        // The reference then reads the route with .get and fails with a Python error on anything but a map.
        if (routeSpec is not MapNode spec)
        {
            throw Error($"Property 'Routes.{routeKey}' should be a map.", routeSpec);
        }

        var baseId = LogicalId + clean;
        var route = ConstructRoute(routeKey, baseId + "Route", baseId + "Integration", spec);
        var authorizer = SetAuthTypeAndReturnCustomAuthorizer(routeKey, route);
        var integration = ConstructIntegration(baseId + "Integration", spec);
        var permission = ConstructPermission(routeKey, baseId + "Permission", spec);
        foreach (var id in new[] { route.LogicalId, integration.LogicalId, permission.LogicalId })
        {
            _routeKeyById[id] = routeKey;
        }

        return (route, integration, permission, authorizer);
    }

    /// <summary>$connect → Connect; other keys must be alphanumeric and are capitalised (sendMessage → Sendmessage).</summary>
    private string SanitizeRouteKey(string routeKey)
    {
        if (SpecialRoutes.Contains(routeKey))
        {
            return Py.Capitalize(routeKey.Replace("$", "", StringComparison.Ordinal));
        }

        if (Py.IsAlnum(routeKey))
        {
            return Py.Capitalize(routeKey);
        }

        throw Error($"Route key '{routeKey}' must be alphanumeric. Only $connect, $disconnect, and $default special routes are supported.", _routes);
    }

    private CfnResource ConstructRoute(string routeKey, string routeId, string integrationId, MapNode spec)
    {
        var route = Derived(routeId, "AWS::ApiGatewayV2::Route");
        route["RouteKey"] = routeKey;
        route["ApiId"] = N.Ref(LogicalId);
        route["ApiKeyRequired"] = spec.Get("ApiKeyRequired");
        route["ModelSelectionExpression"] = spec.Get("ModelSelectionExpression");
        route["OperationName"] = spec.Get("OperationName");
        route["RequestModels"] = spec.Get("RequestModels");
        if (Py.Truthy(spec.Get("RequestParameters")))
        {
            if (routeKey != "$connect")
            {
                throw Error("Request parameters are only supported for the $connect route in WebSocket APIs.", spec.Get("RequestParameters"));
            }

            route["RequestParameters"] = spec.Get("RequestParameters");
        }

        route["RouteResponseSelectionExpression"] = spec.Get("RouteResponseSelectionExpression");
        route["Target"] = N.Join("/", "integrations", N.Ref(integrationId));
        return route;
    }

    private void ValidateAuth(MapNode authConfig)
    {
        var authType = authConfig.Get("AuthType");
        if (!Py.Truthy(authType))
        {
            throw Error("AuthType must be specified for additional auth configurations.", authConfig);
        }

        var upper = Py.Str(authType).ToUpperInvariant();
        if (upper is not (AuthNone or AuthAwsIam or AuthCustom))
        {
            throw Error("AuthType is not one of AWS_IAM, CUSTOM or NONE.", authType);
        }

        if (upper == AuthCustom && !Py.Truthy(authConfig.Get("AuthArn")))
        {
            throw Error("AuthArn must be specified if AuthType is CUSTOM.", authConfig);
        }

        if (upper is AuthAwsIam or AuthNone && authConfig.Count > 1)
        {
            throw Error($"No additional configurations supported for AuthType {upper}.", authConfig);
        }
    }

    /// <summary>
    /// Auth (checked for every route) sets the $connect route's authorization type; CUSTOM also creates the
    /// authorizer. The type is compared as written here, so a lower-case "custom" passes the check but means NONE.
    /// </summary>
    private CfnResource? SetAuthTypeAndReturnCustomAuthorizer(string routeKey, CfnResource route)
    {
        if (AuthConfig is null || !Py.Truthy(AuthConfig))
        {
            return null;
        }

        ValidateAuth(AuthConfig);
        if (routeKey != "$connect")
        {
            return null;
        }

        var authType = AuthConfig.Get("AuthType")?.Str;
        if (authType == AuthCustom)
        {
            if (Py.Truthy(AuthConfig.Get("AuthArn")))
            {
                var authorizer = ConstructAuthorizer();
                route["AuthorizationType"] = AuthCustom;
                route["AuthorizerId"] = N.Ref(authorizer.LogicalId);
                return authorizer;
            }
        }
        else if (authType == AuthAwsIam)
        {
            route["AuthorizationType"] = AuthAwsIam;
        }
        else
        {
            route["AuthorizationType"] = AuthNone;
        }

        return null;
    }

    private CfnResource ConstructAuthorizer()
    {
        var name = LogicalId + "ConnectAuthorizer";
        var authorizer = Derived(name, "AWS::ApiGatewayV2::Authorizer");
        authorizer["ApiId"] = N.Ref(LogicalId);
        var config = AuthConfig!;
        if (config.TryGet("InvokeRole", out var invokeRole))
        {
            authorizer["AuthorizerCredentialsArn"] = invokeRole;
        }

        authorizer["AuthorizerType"] = "REQUEST";
        if (config.TryGet("AuthArn", out var authArn))
        {
            authorizer["AuthorizerUri"] = N.Sub(
                "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthArn}/invocations",
                N.Map(("AuthArn", authArn)));
        }

        authorizer["IdentitySource"] = config.Get("IdentitySource");
        authorizer["Name"] = Py.Truthy(config.Get("Name")) ? config.Get("Name") : name;
        return authorizer;
    }

    /// <summary>
    /// The permission for API Gateway to invoke the CUSTOM authorizer's function; none when the authorizer
    /// calls it through an InvokeRole.
    /// </summary>
    private CfnResource? ConstructAuthorizerPermission(CfnResource api)
    {
        if (AuthConfig is null || !Py.Truthy(AuthConfig) || AuthConfig.Get("AuthType")?.Str != AuthCustom)
        {
            return null;
        }

        if (Py.Truthy(AuthConfig.Get("InvokeRole")))
        {
            return null;
        }

        var authArn = AuthConfig.Get("AuthArn");
        if (!Py.Truthy(authArn))
        {
            return null;
        }

        return AuthorizerPermission(LogicalId + "AuthorizerPermission", authArn!, api.Ref());
    }

    private CfnResource ConstructIntegration(string integrationId, MapNode spec)
    {
        if (!spec.TryGet("FunctionArn", out var functionArn))
        {
            throw Error("Route must have associated function.", spec);
        }

        var integration = Derived(integrationId, "AWS::ApiGatewayV2::Integration");
        integration["ApiId"] = N.Ref(LogicalId);
        integration["IntegrationType"] = "AWS_PROXY";
        integration["IntegrationUri"] = N.Sub(
            "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FunctionArn}/invocations",
            N.Map(("FunctionArn", functionArn)));
        integration["TimeoutInMillis"] = spec.Get("IntegrationTimeout");
        return integration;
    }

    /// <summary>The route's function may be invoked by this API, from this stage and route only.</summary>
    private CfnResource ConstructPermission(string routeKey, string permissionId, MapNode spec)
    {
        if (!spec.TryGet("FunctionArn", out var functionArn))
        {
            throw Error("Route must have associated function.", spec);
        }

        var permission = Derived(permissionId, "AWS::Lambda::Permission");
        permission["Action"] = "lambda:InvokeFunction";
        permission["FunctionName"] = functionArn;
        permission["Principal"] = "apigateway.amazonaws.com";
        var apiArn = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + LogicalId + ".ApiId}/";
        permission["SourceArn"] = StageName is StringNode s
            ? N.Sub(apiArn + s.Value + "/" + routeKey)
            : N.Sub(apiArn + "${__StageName__}/" + routeKey, N.Map(("__StageName__", StageName)));
        return permission;
    }

    private string RouteOrigin(CfnResource r) =>
        _routeKeyById.TryGetValue(r.LogicalId, out var key) ? "Routes." + key : "Routes";
}
