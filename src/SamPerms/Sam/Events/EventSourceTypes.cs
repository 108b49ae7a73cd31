using SamPerms.Model;
using SamPerms.Sam.Events.Pull;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;
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

    /// <summary>The class of a function's event, from its Type.</summary>
    public static EventSource Create(Node eventDict, string eventId) => EventTypeResolver.Create(Factories, eventDict, eventId);
}
