using SamPerms.Data;
using SamPerms.Model;

namespace SamPerms.Sam.Connector;

/// <summary>
/// One end of a connector as the profiles need it (the reference's ConnectorResourceReference): the resource's
/// logical id (when given by Id), its CloudFormation type, and the values profiles may use. Values are null
/// when unknown.
/// </summary>
internal sealed record ConnectorEndpoint(
    string? LogicalId,
    string ResourceType,
    Node? Arn,
    Node? RoleName,
    Node? QueueUrl,
    Node? ResourceId,
    Node? Name,
    Node? Qualifier)
{
    /// <summary>SAM types connectors accept by Type, and the CloudFormation type the profiles know them as.</summary>
    private static readonly Dictionary<string, string> SamToCfnType = new(StringComparer.Ordinal)
    {
        ["AWS::Serverless::Function"] = "AWS::Lambda::Function",
        ["AWS::Serverless::StateMachine"] = "AWS::StepFunctions::StateMachine",
        ["AWS::Serverless::Api"] = "AWS::ApiGateway::RestApi",
        ["AWS::Serverless::HttpApi"] = "AWS::ApiGatewayV2::Api",
        ["AWS::Serverless::SimpleTable"] = "AWS::DynamoDB::Table",
    };

    /// <summary>
    /// Reads a Source or Destination: either <c>Id</c> (optionally with <c>Qualifier</c>) naming a resource in the
    /// output template, whose type and properties give the values, or <c>Type</c> with the values spelled out.
    /// <paramref name="other"/> is the opposite end (a rule's target role is the one for that end).
    /// </summary>
    public static ConnectorEndpoint Read(MapNode obj, MapNode outputResources, MapNode other)
    {
        bool idProvided = obj.ContainsKey("Id");
        bool othersProvided = obj.Keys.Any(k => k is not ("Id" or "Qualifier"));
        if (idProvided == othersProvided)
        {
            throw new ConnectorEndpointException("Must provide 'Id' (with optional 'Qualifier') or a supported combination of other properties.");
        }

        var id = obj.Get("Id");
        if (!Py.Truthy(id))
        {
            if (obj.Get("Type") is not StringNode { Value.Length: > 0 } type)
            {
                throw new ConnectorEndpointException("'Type' is missing or not a string.");
            }

            return new ConnectorEndpoint(
                null,
                SamToCfnType.GetValueOrDefault(type.Value, type.Value),
                Value(obj, "Arn"),
                Value(obj, "RoleName"),
                Value(obj, "QueueUrl"),
                Value(obj, "ResourceId"),
                Value(obj, "Name"),
                Value(obj, "Qualifier"));
        }

        if (id is not StringNode { Value.Length: > 0 } logicalId)
        {
            throw new ConnectorEndpointException("'Id' is missing or not a string.");
        }

        if (outputResources.Get(logicalId.Value) is not MapNode resource || resource.Count == 0)
        {
            throw new ConnectorEndpointException($"Unable to find resource with logical ID '{logicalId.Value}'.");
        }

        if (resource.Get("Type") is not StringNode { Value.Length: > 0 } resourceType)
        {
            throw new ConnectorEndpointException("'Type' is missing or not a string.");
        }

        var properties = resource.Get("Properties") as MapNode ?? new MapNode();
        var endpoint = (MapNode)ProfileVariables.Replace(ConnectorProfileTable.Endpoint(resourceType.Value), [("logicalId", new StringNode(logicalId.Value))]);
        var outputs = endpoint.Get("Outputs") as MapNode ?? new MapNode();
        return new ConnectorEndpoint(
            logicalId.Value,
            resourceType.Value,
            Value(outputs, "Arn"),
            RoleNameOf(other, endpoint, properties),
            Value(outputs, "Url"),
            Value(outputs, "Id"),
            Value(outputs, "Name"),
            obj.ContainsKey("Qualifier") ? Value(obj, "Qualifier") : Value(outputs, "Qualifier"));
    }

    private static Node? Value(MapNode m, string key) => m.Get(key) is { } v and not NullNode ? v : null;

    /// <summary>A Ref to the role the resource runs as, when its role is given as a Ref or GetAtt of a role in the template.</summary>
    private static Node? RoleNameOf(MapNode other, MapNode endpoint, MapNode properties)
    {
        var role = RoleProperty(other, endpoint, properties);
        if (!Py.Truthy(role))
        {
            return null;
        }

        var roleId = Intrinsics.LogicalIdOf(role);
        return roleId is null ? null : N.Ref(roleId);
    }

    private static Node? RoleProperty(MapNode other, MapNode endpoint, MapNode properties)
    {
        var input = (endpoint.Get("Inputs") as MapNode)?.Get("Role");
        if (input is StringNode propertyName)
        {
            return properties.Get(propertyName.Value);
        }

        if (input is MapNode m && m.Get("Function") is StringNode { Value: "GetEventsRuleRole" })
        {
            return EventsRuleTargetRole(other.Get("Id"), other.Get("Arn"), properties);
        }

        return null;
    }

    /// <summary>An EventBridge rule has a role per target: the one of the target that is the other end.</summary>
    private static Node? EventsRuleTargetRole(Node? otherId, Node? otherArn, MapNode properties)
    {
        if (!properties.TryGet("Targets", out var value))
        {
            return null;
        }

        // The reference iterates the targets and reads each with .get: anything else fails with a Python error.
        if (value is not SeqNode targets || targets.Items.Any(t => t is not MapNode))
        {
            throw new ConnectorEndpointException("The 'Targets' of the connected AWS::Events::Rule should be a list of maps.");
        }

        foreach (var target in targets.Items.Cast<MapNode>())
        {
            var targetArn = target.Get("Arn");
            var targetId = Intrinsics.LogicalIdOf(targetArn);
            if ((targetId is not null && otherId is StringNode oid && targetId == oid.Value)
                || (Py.Truthy(otherArn) && Py.Equal(targetArn, otherArn)))
            {
                return target.Get("RoleArn");
            }
        }

        return null;
    }
}

/// <summary>A Source or Destination that cannot be used (the reference's ConnectorResourceError).</summary>
internal sealed class ConnectorEndpointException(string message) : Exception(message);
