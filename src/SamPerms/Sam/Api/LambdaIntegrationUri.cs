using SamPerms.Model;
using SamPerms.Sam.Events;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Api;

/// <summary>
/// The URI API Gateway calls a function (or its alias) through, shared by REST and HTTP API events (the
/// reference's _build_apigw_integration_uri): the function's ARN shorthand inside a Fn::Sub of the invocations path.
/// </summary>
public static class LambdaIntegrationUri
{
    /// <param name="partition">The partition text: the partition name for REST APIs, "${AWS::Partition}" for HTTP APIs.</param>
    /// <param name="transferMode">RESPONSE_STREAM selects the response-streaming invocations path.</param>
    /// <param name="py27">Whether the template was converted to Python 2.7 types (<c>Py27State.Active</c>).</param>
    public static MapNode Build(FunctionTarget function, string partition, Node? transferMode, bool py27)
    {
        var streaming = transferMode is StringNode { Value: "RESPONSE_STREAM" };
        var apiVersion = streaming ? "2021-11-15" : "2015-03-31";
        var invocation = streaming ? "/response-streaming-invocations" : "/invocations";
        var shorthand = function.IsAlias ? $"${{{function.LogicalId}}}" : $"${{{function.LogicalId}.Arn}}";
        var arn = $"arn:{partition}:apigateway:${{AWS::Region}}:lambda:path/{apiVersion}/functions/{shorthand}{invocation}";

        // Once the template is converted, a function's logical id (in its GetAtt) is a unicode string and the ARN
        // keeps that type; an alias's Ref does not count. It shows in the definition's str() (deployment hash).
        return MapNode.Py27From(N.Map(("Fn::Sub", new StringNode(arn) { Unicode = py27 && !function.IsAlias })));
    }
}
