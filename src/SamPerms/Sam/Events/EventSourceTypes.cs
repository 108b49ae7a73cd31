using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Pull;
using SamPerms.Sam.HttpApi;

namespace SamPerms.Sam.Events;

/// <summary>Event types by name ("S3", "SQS", ...), each with the class that expands it.</summary>
public static class EventSourceTypes
{
    private static readonly Dictionary<string, Func<EventSource>> Factories = new(StringComparer.Ordinal)
    {
        ["SQS"] = () => new SqsEventSource(),
        ["Kinesis"] = () => new KinesisEventSource(),
        ["DynamoDB"] = () => new DynamoDbEventSource(),
        ["MSK"] = () => new MskEventSource(),
        ["MQ"] = () => new MqEventSource(),
        ["SelfManagedKafka"] = () => new SelfManagedKafkaEventSource(),
        ["DocumentDB"] = () => new DocumentDbEventSource(),
        ["S3"] = () => new S3Event(),
        ["SNS"] = () => new SnsEvent(),
        ["Schedule"] = () => new ScheduleEvent(),
        ["ScheduleV2"] = () => new ScheduleV2Event(),
        ["CloudWatchEvent"] = () => new CloudWatchEventSource(),
        ["EventBridgeRule"] = () => new EventBridgeRuleEvent(),
        ["CloudWatchLogs"] = () => new CloudWatchLogsEvent(),
        ["IoTRule"] = () => new IoTRuleEvent(),
        ["AlexaSkill"] = () => new AlexaSkillEvent(),
        ["Cognito"] = () => new CognitoEvent(),
        [HttpApiEvent.TypeName] = () => new HttpApiEvent(),
        [Api.Rest.ApiEvent.EventType] = () => new Api.Rest.ApiEvent(),
    };

    public static bool Has(string type) => Factories.ContainsKey(type);

    /// <summary>The reference's resolve_resource_type for events, with its message for an unknown type.</summary>
    public static EventSource Create(Node eventDict, string eventId)
    {
        if (eventDict is not MapNode m)
        {
            // The reference calls .get on the value and reports Python's AttributeError.
            throw new InvalidEventException(eventId, $"'{Py.TypeName(eventDict)}' object has no attribute 'get'").Locate(eventDict);
        }

        var type = m.Get("Type");
        if (type is StringNode t && Factories.TryGetValue(t.Value, out var factory))
        {
            return factory();
        }

        throw new InvalidEventException(eventId, $"Resource dict has missing or invalid value for key Type. Event Type is: {Py.Str(type)}.").Locate(type ?? m);
    }
}
