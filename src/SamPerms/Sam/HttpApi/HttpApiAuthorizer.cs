using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.HttpApi;

/// <summary>
/// One entry of an HttpApi's Auth.Authorizers (or the built-in IAM authorizer), checked and turned into an
/// OpenAPI security scheme (the reference's ApiGatewayV2Authorizer). JwtConfiguration makes a JWT (OAuth2)
/// authorizer, otherwise it is a Lambda REQUEST authorizer.
/// </summary>
public sealed class HttpApiAuthorizer : IAuthorizerScopes
{
    public const string AuthorizerKey = "x-amazon-apigateway-authorizer";

    private enum AuthorizerType
    {
        AwsIam,
        Jwt,
        Request,
    }

    /// <summary>Which properties each type accepts, and how the message names the property and the type.</summary>
    private static readonly (string Property, string AllowedFor, AuthorizerType[] Types)[] PropertyDisplay =
    [
        ("AuthorizationScopes", "OAuth2 Authorizer", [AuthorizerType.Jwt]),
        ("JwtConfiguration", "OAuth2 Authorizer", [AuthorizerType.Jwt]),
        ("IdentitySource", "OAuth2 Authorizer. For Lambda Authorizer, use the 'Identity' property instead", [AuthorizerType.Jwt]),
        ("FunctionArn", "Lambda Authorizer", [AuthorizerType.Request]),
        ("FunctionInvokeRole", "Lambda Authorizer", [AuthorizerType.Request]),
        ("Identity", "Lambda Authorizer", [AuthorizerType.Request]),
        ("AuthorizerPayloadFormatVersion", "Lambda Authorizer", [AuthorizerType.Request]),
        ("EnableSimpleResponses", "Lambda Authorizer", [AuthorizerType.Request]),
        ("EnableFunctionDefaultPermissions", "Lambda Authorizer", [AuthorizerType.Request]),
    ];

    private readonly string _apiLogicalId;
    private readonly AuthorizerType _type;
    private readonly Dictionary<string, Node?> _values = new(StringComparer.Ordinal);

    private HttpApiAuthorizer(string apiLogicalId, string name, AuthorizerType type)
    {
        _apiLogicalId = apiLogicalId;
        Name = name;
        _type = type;
    }

    public string Name { get; }

    public Node? AuthorizationScopes => Value("AuthorizationScopes");

    public Node? FunctionArn => Value("FunctionArn");

    public Node? EnableFunctionDefaultPermissions => Value("EnableFunctionDefaultPermissions");

    /// <summary>The built-in AWS_IAM authorizer (EnableIamAuthorizer).</summary>
    public static HttpApiAuthorizer AwsIam() => new("", "AWS_IAM", AuthorizerType.AwsIam);

    /// <summary>An authorizer from its template entry, with the reference's checks in the reference's order.</summary>
    public static HttpApiAuthorizer FromConfig(string apiLogicalId, string name, MapNode config)
    {
        var jwt = JwtConfiguration(config.Get("JwtConfiguration"), apiLogicalId);
        var type = Py.Truthy(jwt) ? AuthorizerType.Jwt : AuthorizerType.Request;
        var authorizer = new HttpApiAuthorizer(apiLogicalId, name, type);
        foreach (var (property, _, _) in PropertyDisplay)
        {
            authorizer._values[property] = property == "JwtConfiguration" ? jwt : NoneIfNull(config.Get(property));
        }

        authorizer.ValidateInputParameters(config);
        if (type == AuthorizerType.Jwt)
        {
            if (!Py.Truthy(authorizer.Value("IdentitySource")))
            {
                throw authorizer.Error($"{name} OAuth2 Authorizer must define 'IdentitySource'.", config);
            }
        }
        else
        {
            if (!Py.Truthy(authorizer.FunctionArn))
            {
                throw authorizer.Error($"{name} Lambda Authorizer must define 'FunctionArn'.", config);
            }

            if (!Py.Truthy(authorizer.Value("AuthorizerPayloadFormatVersion")))
            {
                throw authorizer.Error($"{name} Lambda Authorizer must define 'AuthorizerPayloadFormatVersion'.", config);
            }
        }

        if (authorizer.EnableFunctionDefaultPermissions is { } enable)
        {
            Expect.That(enable, apiLogicalId, $"Authorizers.{name}.EnableFunctionDefaultPermissions").ToBeBool();
        }

        return authorizer;
    }

    private Node? Value(string property) => _values.GetValueOrDefault(property);

    private static Node? NoneIfNull(Node? n) => n is NullNode ? null : n;

    private InvalidResourceException Error(string message, Node? at) =>
        (InvalidResourceException)new InvalidResourceException(_apiLogicalId, message).Locate(at);

    private void ValidateInputParameters(MapNode config)
    {
        if (AuthorizationScopes is { } scopes && scopes is not SeqNode)
        {
            throw Error("AuthorizationScopes must be a list.", scopes);
        }

        foreach (var (property, allowedFor, types) in PropertyDisplay)
        {
            if (Value(property) is not null && !types.Contains(_type))
            {
                throw Error($"{property} is only supported for {allowedFor}.", config.Get(property) ?? config);
            }
        }
    }

    /// <summary>JWT configuration keys lower-cased (OpenAPI wants "issuer", users often write "Issuer").</summary>
    private static Node? JwtConfiguration(Node? props, string apiLogicalId)
    {
        if (!Py.Truthy(props))
        {
            return null;
        }

        var map = Expect.That(props, apiLogicalId, "JwtConfiguration").ToBeMap();
        var lowered = new MapNode { Span = map.Span };
        foreach (var e in map.Entries)
        {
            lowered.Set(e.Key.ToLowerInvariant(), e.Value);
        }

        return lowered;
    }

    /// <summary>The securitySchemes entry for this authorizer.</summary>
    public MapNode GenerateOpenApi(TransformContext ctx)
    {
        switch (_type)
        {
            case AuthorizerType.AwsIam:
                return N.Map(("type", "apiKey"), ("name", "Authorization"), ("in", "header"), ("x-amazon-apigateway-authtype", "awsSigv4"));
            case AuthorizerType.Jwt:
                return N.Map(
                    ("type", "oauth2"),
                    (AuthorizerKey, N.Map(("jwtConfiguration", Value("JwtConfiguration")), ("identitySource", Value("IdentitySource")), ("type", "jwt"))));
        }

        var authorizer = N.Map(("type", "request"));
        var uri = $"arn:{ctx.Partition}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/${{__FunctionArn__}}/invocations";
        authorizer.Set("authorizerUri", N.Sub(uri, N.Map(("__FunctionArn__", FunctionArn))));
        var invokeRole = Value("FunctionInvokeRole");
        if (Py.Truthy(invokeRole) && !(invokeRole is StringNode { Value: "NONE" }))
        {
            authorizer.Set("authorizerCredentials", invokeRole!);
        }

        if (Value("Identity") is { } identity && Py.Truthy(identity))
        {
            var identityMap = Expect.That(identity, _apiLogicalId, $"Auth.Authorizers.{Name}.Identity").ToBeMap();
            if (identityMap.Get("ReauthorizeEvery") is { } ttl and not NullNode)
            {
                authorizer.Set("authorizerResultTtlInSeconds", ttl);
            }

            authorizer.Set("identitySource", IdentitySource(identityMap));
        }

        authorizer.Set("authorizerPayloadFormatVersion", Value("AuthorizerPayloadFormatVersion")!);
        if (Value("EnableSimpleResponses") is { } simple && Py.Truthy(simple))
        {
            authorizer.Set("enableSimpleResponses", simple);
        }

        return N.Map(("type", "apiKey"), ("name", "Unused"), ("in", "header"), (AuthorizerKey, authorizer));
    }

    /// <summary>Identity's Headers, QueryStrings, StageVariables and Context flattened with API Gateway's prefixes.</summary>
    private SeqNode IdentitySource(MapNode identity)
    {
        var sources = new SeqNode();
        foreach (var (prefix, property) in new[]
        {
            ("$request.header.", "Headers"), ("$request.querystring.", "QueryStrings"),
            ("$stageVariables.", "StageVariables"), ("$context.", "Context"),
        })
        {
            var values = identity.Get(property);
            if (!Py.Truthy(values))
            {
                continue;
            }

            var list = Expect.That(values, _apiLogicalId, $"Authorizers.{Name}.Identity.{property}").ToBeListOf(ExpectedType.String);
            foreach (var v in list)
            {
                sources.Add(prefix + v.Str);
            }
        }

        return sources;
    }
}
