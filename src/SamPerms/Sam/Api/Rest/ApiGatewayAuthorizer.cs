using System.Globalization;
using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// One entry of a REST API's Auth.Authorizers (Cognito user pool, Lambda TOKEN or REQUEST) or the built-in
/// AWS_IAM, checked and rendered as a Swagger security definition (the reference's ApiGatewayAuthorizer).
/// </summary>
public sealed class ApiGatewayAuthorizer : ISwaggerAuthorizer
{
    private readonly string _apiLogicalId;
    private readonly string _name;
    private readonly string _partition;

    public ApiGatewayAuthorizer(string apiLogicalId, string name, string partition, Node? userPoolArn = null, Node? functionArn = null, Node? identity = null,
        Node? functionPayloadType = null, Node? functionInvokeRole = null, bool isAwsIamAuthorizer = false, Node? authorizationScopes = null,
        Node? disableFunctionDefaultPermissions = null)
    {
        _apiLogicalId = apiLogicalId;
        _name = name;
        _partition = partition;
        UserPoolArn = Clean(userPoolArn);
        FunctionArn = Clean(functionArn);
        Identity = Clean(identity);
        FunctionPayloadType = Clean(functionPayloadType);
        FunctionInvokeRole = Clean(functionInvokeRole);
        IsAwsIamAuthorizer = isAwsIamAuthorizer;
        AuthorizationScopes = Clean(authorizationScopes) ?? new SeqNode();
        DisableFunctionDefaultPermissions = Clean(disableFunctionDefaultPermissions);

        if (FunctionPayloadType is not null and not StringNode { Value: "TOKEN" or "REQUEST" })
        {
            throw new InvalidResourceException(apiLogicalId, $"{name} Authorizer has invalid 'FunctionPayloadType': {Py27Str.ForMessage(FunctionPayloadType)}.").Locate(FunctionPayloadType);
        }

        if (FunctionPayloadType is StringNode { Value: "REQUEST" } && IsMissingIdentitySource())
        {
            throw new InvalidResourceException(apiLogicalId, $"{name} Authorizer must specify Identity with at least one of Headers, QueryStrings, StageVariables, or Context.").Locate(Identity);
        }

        Expect.That(AuthorizationScopes, apiLogicalId, $"Authorizers.{name}.AuthorizationScopes").ToBeList();
        if (DisableFunctionDefaultPermissions is not null)
        {
            Expect.That(DisableFunctionDefaultPermissions, apiLogicalId, $"Authorizers.{name}.DisableFunctionDefaultPermissions").ToBeBool();
        }
    }

    private static Node? Clean(Node? n) => n is NullNode ? null : n;

    public Node? UserPoolArn { get; }

    public Node? FunctionArn { get; }

    public Node? Identity { get; }

    public Node? FunctionPayloadType { get; }

    public Node? FunctionInvokeRole { get; }

    public bool IsAwsIamAuthorizer { get; }

    public Node? AuthorizationScopes { get; }

    public Node? DisableFunctionDefaultPermissions { get; }

    private bool IsMissingIdentitySource()
    {
        if (!Py.Truthy(Identity))
        {
            return true;
        }

        var identity = Expect.That(Identity, _apiLogicalId, $"Authorizer.{_name}.Identity").ToBeMap();
        bool missing = !Py.Truthy(identity.Get("Headers")) && !Py.Truthy(identity.Get("QueryStrings"))
            && !Py.Truthy(identity.Get("StageVariables")) && !Py.Truthy(identity.Get("Context"));
        var ttl = identity.Get("ReauthorizeEvery");
        if (ttl is null or NullNode)
        {
            return missing;
        }

        long? ttlInt = ttl switch
        {
            IntNode i => i.Value,
            BoolNode b => b.Value ? 1 : 0,
            FloatNode f => (long)f.Value,
            StringNode s when long.TryParse(s.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) => v,
            _ => null,
        };
        return ttlInt is null ? missing : ttlInt > 0 && missing;
    }

    private string AuthorizerType => IsAwsIamAuthorizer ? "AWS_IAM" : Py.Truthy(UserPoolArn) ? "COGNITO_USER_POOLS" : "LAMBDA";

    private string PayloadType => Py.Truthy(FunctionPayloadType) ? FunctionPayloadType!.Str! : "TOKEN";

    public MapNode GenerateSwagger()
    {
        var type = AuthorizerType;
        const string key = "x-amazon-apigateway-authorizer";
        var swagger = MapNode.NewPy27();
        swagger.Set("type", "apiKey");
        swagger.Set("name", SwaggerHeaderName() ?? NullNode.Instance);
        swagger.Set("in", "header");
        swagger.Set("x-amazon-apigateway-authtype", type switch { "AWS_IAM" => "awsSigv4", "COGNITO_USER_POOLS" => "cognito_user_pools", _ => "custom" });
        if (type == "COGNITO_USER_POOLS")
        {
            var authorizer = MapNode.NewPy27();
            authorizer.Set("type", SwaggerAuthorizerType());
            authorizer.Set("providerARNs", UserPoolArn is SeqNode ? UserPoolArn : N.Seq(UserPoolArn!));
            swagger.Set(key, authorizer);
        }
        else if (type == "LAMBDA")
        {
            var authorizer = MapNode.Py27From(N.Map(("type", SwaggerAuthorizerType())));
            swagger.Set(key, authorizer);
            authorizer.Set("authorizerUri", N.Sub(
                $"arn:{_partition}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/${{__FunctionArn__}}/invocations",
                N.Map(("__FunctionArn__", FunctionArn ?? NullNode.Instance))));
            var reauthorize = Py.Truthy(Identity) ? (Identity as MapNode)?.Get("ReauthorizeEvery") : null;
            if (reauthorize is not null and not NullNode)
            {
                authorizer.Set("authorizerResultTtlInSeconds", reauthorize);
            }

            if (Py.Truthy(FunctionInvokeRole) && FunctionInvokeRole is not StringNode { Value: "NONE" })
            {
                authorizer.Set("authorizerCredentials", FunctionInvokeRole!);
            }

            if (PayloadType == "REQUEST" && IdentitySource() is { } source && source.Value.Length > 0)
            {
                authorizer.Set("identitySource", source);
            }
        }

        bool lambdaToken = type == "LAMBDA" && PayloadType == "TOKEN";
        if (type == "COGNITO_USER_POOLS" || lambdaToken)
        {
            var expression = Py.Truthy(Identity) ? (Identity as MapNode)?.Get("ValidationExpression") : null;
            if (Py.Truthy(expression))
            {
                ((MapNode)swagger.Get(key)!).Set("identityValidationExpression", expression!);
            }
        }

        return swagger;
    }

    private Node? SwaggerHeaderName()
    {
        if (AuthorizerType == "LAMBDA" && PayloadType == "REQUEST")
        {
            return new StringNode("Unused");
        }

        if (Py.Truthy(Identity) && Identity is not MapNode)
        {
            throw new InvalidResourceException(_apiLogicalId, "Auth.Authorizers.<Authorizer>.Identity must be a dict (LambdaTokenAuthorizationIdentity, LambdaRequestAuthorizationIdentity or CognitoAuthorizationIdentity).").Locate(Identity);
        }

        var header = Py.Truthy(Identity) ? ((MapNode)Identity!).Get("Header") : null;
        return Py.Truthy(header) ? header : new StringNode("Authorization");
    }

    private string SwaggerAuthorizerType() => AuthorizerType == "COGNITO_USER_POOLS" ? "cognito_user_pools" : PayloadType == "REQUEST" ? "request" : "token";

    private StringNode? IdentitySource()
    {
        var parts = new List<StringNode>();
        foreach (var (prop, prefix) in new[] { ("Headers", "method.request.header."), ("QueryStrings", "method.request.querystring."), ("StageVariables", "stageVariables."), ("Context", "context.") })
        {
            var values = ((MapNode)Identity!).Get(prop);
            if (!Py.Truthy(values))
            {
                continue;
            }

            var path = $"Auth.Authorizers.{_name}.Identity.{prop}";
            var list = Expect.That(values, _apiLogicalId, path).ToBeList();
            for (int i = 0; i < list.Count; i++)
            {
                Expect.That(list[i], _apiLogicalId, $"{path}[{i}]").ToBeString();
                var s = (StringNode)list[i];
                parts.Add(new StringNode(prefix + s.Value) { Unicode = s.Unicode });
            }
        }

        return new StringNode(string.Join(", ", parts.Select(p => p.Value))) { Unicode = parts.Any(p => p.Unicode) };
    }
}
