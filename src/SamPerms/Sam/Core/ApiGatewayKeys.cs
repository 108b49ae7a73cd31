namespace SamPerms.Sam.Core;

/// <summary>Keys of API Gateway's OpenAPI extensions that both the transform writes and the permission map reads.</summary>
public static class ApiGatewayKeys
{
    /// <summary>The path item key that stands for every HTTP method.</summary>
    public const string AnyMethod = "x-amazon-apigateway-any-method";
}
