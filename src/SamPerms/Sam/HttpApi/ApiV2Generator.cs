using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.HttpApi;

/// <summary>
/// What HTTP and WebSocket API generation share (the reference's ApiV2Generator): the resource's identity and
/// attributes, the custom domain (in <c>ApiV2Generator.Domain.cs</c>) and the permission that lets API Gateway
/// call a Lambda authorizer.
/// </summary>
public abstract partial class ApiV2Generator(string logicalId, MapNode? domain, MapNode passthroughAttributes, MapNode resourceAttributes, Node? dependsOn)
{
    /// <summary>What templates may reference on an HTTP or WebSocket API ("Api.Stage", "Api.DomainName").</summary>
    public static readonly IReadOnlyDictionary<string, string> ReferableProperties = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Stage"] = "AWS::ApiGatewayV2::Stage",
        ["DomainName"] = "AWS::ApiGatewayV2::DomainName",
    };

    public string LogicalId { get; } = logicalId;

    /// <summary>The Domain property; the reference records ApiDomainName and the default endpoint type in it.</summary>
    protected MapNode? Domain { get; } = domain;

    /// <summary>Condition, DeletionPolicy and UpdateReplacePolicy: copied to every derived resource.</summary>
    protected MapNode PassthroughAttributes { get; } = passthroughAttributes;

    /// <summary>Every supported resource attribute: given to the API resource itself.</summary>
    protected MapNode ResourceAttributes { get; } = resourceAttributes;

    protected Node? DependsOn { get; } = dependsOn;

    /// <summary>The tag SAM adds to what it creates ("httpapi:createdBy" or "websocketapi:createdBy").</summary>
    protected abstract string DefaultTagName { get; }

    /// <summary>A new resource carrying the pass-through attributes.</summary>
    protected CfnResource Derived(string logicalId, string type) =>
        new CfnResource(logicalId, type).WithAttributes(PassthroughAttributes);

    /// <summary>The permission for API Gateway to invoke a Lambda authorizer of this API.</summary>
    protected CfnResource AuthorizerPermission(string permissionName, Node authorizerFunctionArn, Node apiId) =>
        Api.AuthorizerPermission.Construct(permissionName, authorizerFunctionArn, apiId, "${AWS::Partition}", PassthroughAttributes);
}
