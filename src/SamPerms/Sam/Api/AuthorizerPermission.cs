using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api;

/// <summary>
/// The permission for API Gateway to invoke a Lambda authorizer's function, from any authorizer of the API
/// (".../authorizers/*"), shared by REST, HTTP and WebSocket APIs.
/// </summary>
public static class AuthorizerPermission
{
    /// <param name="partition">The partition text: the partition name for REST APIs, "${AWS::Partition}" for API v2.</param>
    /// <param name="attributes">The API's pass-through attributes (Condition, DeletionPolicy, UpdateReplacePolicy).</param>
    public static CfnResource Construct(string logicalId, Node functionArn, Node apiId, string partition, MapNode attributes)
    {
        var permission = new CfnResource(logicalId, "AWS::Lambda::Permission").WithAttributes(attributes);
        permission["Action"] = "lambda:InvokeFunction";
        permission["FunctionName"] = functionArn;
        permission["Principal"] = "apigateway.amazonaws.com";
        permission["SourceArn"] = N.Sub(
            $"arn:{partition}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{__ApiId__}}/authorizers/*",
            N.Map(("__ApiId__", apiId)));
        return permission;
    }
}
