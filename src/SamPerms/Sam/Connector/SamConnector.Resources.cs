using SamPerms.Data;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Connector;

/// <summary>The resources a connector generates, one method per profile kind, and the metadata they carry.</summary>
public sealed partial class SamConnector
{
    private CfnResource NewResource(string logicalId, string type) =>
        new CfnResource(logicalId, type) { DependsOn = DependsOn, Origin = OriginOf() }.WithAttributes(ResourceAttributes.Clone() as MapNode);

    private string Name(string suffix, int index, bool multiDestination) =>
        multiDestination ? $"{LogicalId}{suffix}Destination{index}" : $"{LogicalId}{suffix}";

    /// <summary>The statements of the asked-for categories, in the profile's order.</summary>
    private MapNode PolicyDocument(ConnectorProfile profile)
    {
        var permissions = Permissions;
        var statements = new SeqNode();
        foreach (var e in profile.Categories.Entries)
        {
            if (permissions.Contains(e.Key) && (e.Value as MapNode)?.Get("Statement") is SeqNode s)
            {
                statements.Items.AddRange(s.Items);
            }
        }

        return N.Map(("Version", "2012-10-17"), ("Statement", statements));
    }

    private static string EndName(bool sourcePolicy) => sourcePolicy ? "Source" : "Destination";

    /// <summary>An AWS::IAM::ManagedPolicy attached to the role of the end the profile names.</summary>
    private CfnResource ManagedPolicy(ConnectorEndpoint source, ConnectorEndpoint destination, ConnectorProfile profile, MapNode outputResources, int index, bool multiDestination)
    {
        var end = profile.SourcePolicy ? source : destination;
        if (!Py.Truthy(end.RoleName))
        {
            throw new InvalidResourceException(LogicalId, $"Unable to get IAM role name from '{EndName(profile.SourcePolicy)}' resource.").Locate(ResourceDict);
        }

        var policy = NewResource(Name("Policy", index, multiDestination), "AWS::IAM::ManagedPolicy");
        policy["PolicyDocument"] = PolicyDocument(profile);
        policy["Roles"] = N.Seq(end.RoleName!);

        // The event source mapping polls with the function's role, so it must wait for the policy.
        if (profile.DependedBy == "DESTINATION_EVENT_SOURCE_MAPPING" && source.LogicalId is { } sid && destination.LogicalId is { } did)
        {
            var mappings = ConnectorDependencies.EventSourceMappings(outputResources, sid, did).ToList();
            if (mappings.Count == 1)
            {
                ConnectorDependencies.Add(outputResources, mappings[0], policy.LogicalId);
            }
        }

        if (profile.DependedBy == "SOURCE" && source.LogicalId is { } sourceId)
        {
            ConnectorDependencies.Add(outputResources, sourceId, policy.LogicalId);
        }

        return policy;
    }

    /// <summary>One AWS::Lambda::Permission per asked-for category.</summary>
    private List<CfnResource> LambdaPermissions(ConnectorEndpoint source, ConnectorEndpoint destination, ConnectorProfile profile, int index, bool multiDestination)
    {
        var function = profile.SourcePolicy ? source : destination;
        if (!Py.Truthy(function.Arn))
        {
            throw new InvalidResourceException(LogicalId, $"Unable to get Lambda function ARN from '{EndName(profile.SourcePolicy)}' resource.").Locate(ResourceDict);
        }

        var permissions = Permissions;
        var result = new List<CfnResource>();
        foreach (var e in profile.Categories.Entries)
        {
            if (!permissions.Contains(e.Key) || e.Value is not MapNode category)
            {
                continue;
            }

            var permission = NewResource(Name($"{e.Key}LambdaPermission", index, multiDestination), "AWS::Lambda::Permission");
            permission["Action"] = category.Get("Action");
            permission["FunctionName"] = function.Arn;
            permission["Principal"] = category.Get("Principal");
            permission["SourceArn"] = category.Get("SourceArn");
            permission["SourceAccount"] = category.Get("SourceAccount");
            result.Add(permission);
        }

        return result;
    }

    private CfnResource TopicPolicy(ConnectorEndpoint source, ConnectorEndpoint destination, ConnectorProfile profile, int index, bool multiDestination)
    {
        var topic = profile.SourcePolicy ? source : destination;
        if (!Py.Truthy(topic.Arn))
        {
            throw new InvalidResourceException(LogicalId, $"Unable to get SNS topic ARN from '{EndName(profile.SourcePolicy)}' resource.").Locate(ResourceDict);
        }

        var policy = NewResource(Name("TopicPolicy", index, multiDestination), "AWS::SNS::TopicPolicy");
        policy["Topics"] = N.Seq(topic.Arn!);
        policy["PolicyDocument"] = PolicyDocument(profile);
        return policy;
    }

    private CfnResource QueuePolicy(ConnectorEndpoint source, ConnectorEndpoint destination, ConnectorProfile profile, int index, bool multiDestination)
    {
        var queue = profile.SourcePolicy ? source : destination;
        if (!Py.Truthy(queue.QueueUrl))
        {
            throw new InvalidResourceException(LogicalId, $"Unable to get SQS queue URL from '{EndName(profile.SourcePolicy)}' resource.").Locate(ResourceDict);
        }

        var policy = NewResource(Name("QueuePolicy", index, multiDestination), "AWS::SQS::QueuePolicy");
        policy["PolicyDocument"] = PolicyDocument(profile);
        policy["Queues"] = N.Seq(queue.QueueUrl!);
        return policy;
    }

    /// <summary>
    /// Metadata "aws:sam:connectors" names the connector and the types it joins — the SAM type when an end was a
    /// SAM resource — so tools can tell connector-made resources apart.
    /// </summary>
    private void AddConnectorMetadata(List<CfnResource> resources, MapNode samResources, ConnectorEndpoint source, ConnectorEndpoint destination)
    {
        string TypeOf(ConnectorEndpoint end) =>
            end.LogicalId is { } id && (samResources.Get(id) as MapNode)?.Get("Type") is { } t && Py.Truthy(t) ? t.Str ?? end.ResourceType : end.ResourceType;

        foreach (var r in resources)
        {
            var metadata = r.Attributes.Get("Metadata") is MapNode existing ? existing.ShallowCopy() : new MapNode();
            metadata.Set("aws:sam:connectors", N.Map((LogicalId, N.Map(
                ("Source", N.Map(("Type", TypeOf(source)))),
                ("Destination", N.Map(("Type", TypeOf(destination))))))));
            r.Attributes.Set("Metadata", metadata);
        }
    }
}
