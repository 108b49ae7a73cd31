using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;
using SamPerms.Sam.Iam;

namespace SamPerms.Sam.Events.Pull;

public abstract partial class PullEventSource
{
    private static readonly string[] DestinationTypes = ["SQS", "SNS", "S3", "Kafka"];

    /// <summary>
    /// DestinationConfig.OnFailure.Type is SAM's own key: it picks the policy the role needs to send failed
    /// batches there, and is removed before the config goes onto the mapping (CloudFormation does not know it).
    /// </summary>
    private MapNode? OnFailureDestinationPolicy()
    {
        if (Prop("DestinationConfig") is not MapNode config || config.Count == 0)
        {
            return null;
        }

        MapNode onFailure;
        try
        {
            onFailure = Expect.That(config.Get("OnFailure"), LogicalId, "DestinationConfig.OnFailure", isEvent: true).ToBeMap();
        }
        catch (SamException e)
        {
            // A missing OnFailure has no node of its own: point at DestinationConfig.
            throw e.Locate(config);
        }

        var type = onFailure.Get("Type");
        if (!Py.Truthy(type))
        {
            return null;
        }

        onFailure.Remove("Type");
        if (type is not StringNode { Value: var name } || !DestinationTypes.Contains(name))
        {
            throw new InvalidEventException(LogicalId, "The only valid values for 'Type' are 'SQS', 'SNS', 'S3', and 'Kafka'").Locate(type);
        }

        // A missing Destination stays a null Resource, as the reference writes it.
        var destination = onFailure.Get("Destination") ?? NullNode.Instance;
        return name switch
        {
            "SQS" => IamPolicies.SqsSendMessage(destination, LogicalId),
            "SNS" => IamPolicies.SnsPublish(destination, LogicalId),
            "S3" => IamPolicies.S3SendEventPayload(destination, LogicalId),
            _ => null, // Kafka destinations need no role policy.
        };
    }
}
