using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Pull;

/// <summary>
/// The events Lambda polls (SQS, Kinesis, DynamoDB, MSK, MQ, SelfManagedKafka, DocumentDB): each becomes one
/// AWS::Lambda::EventSourceMapping, and the poller's permissions (a managed policy, inline statements, the
/// OnFailure destination's policy) are added to the function's generated execution role. The reference's
/// PullEventSource; each source only says where it reads from and what its poller needs.
/// </summary>
public abstract partial class PullEventSource : EventSource
{
    /// <summary>Lambda reads every pull source with the function's role.</summary>
    public override EventPoller Poller => new(PollerReads, ManagedPolicyName);

    /// <summary>A required property SAM only copies (the reference's PassThroughProperty(True)).</summary>
    protected static readonly PropertySpec RequiredPassThrough = new(true, V.Any, SupportsIntrinsics: false);

    /// <summary>Properties every pull source accepts, in the reference's declaration (= validation) order.</summary>
    private static readonly (string Name, PropertySpec Spec)[] CommonProperties =
    [
        ("BatchSize", PropertySpec.Optional(V.Int)),
        ("StartingPosition", PropertySpec.PassThrough),
        ("StartingPositionTimestamp", PropertySpec.PassThrough),
        ("Enabled", PropertySpec.Optional(V.Bool)),
        ("MaximumBatchingWindowInSeconds", PropertySpec.Optional(V.Int)),
        ("MaximumRetryAttempts", PropertySpec.Optional(V.Int)),
        ("BisectBatchOnFunctionError", PropertySpec.Optional(V.Bool)),
        ("MaximumRecordAgeInSeconds", PropertySpec.Optional(V.Int)),
        ("DestinationConfig", PropertySpec.Optional(V.Dict)),
        ("ParallelizationFactor", PropertySpec.Optional(V.Int)),
        ("Topics", PropertySpec.Optional(V.List)),
        ("Queues", PropertySpec.Optional(V.List)),
        ("SourceAccessConfigurations", PropertySpec.Optional(V.List)),
        ("SecretsManagerKmsKeyId", PropertySpec.Optional(V.Str)),
        ("TumblingWindowInSeconds", PropertySpec.Optional(V.Int)),
        ("FunctionResponseTypes", PropertySpec.Optional(V.List)),
        ("KafkaBootstrapServers", PropertySpec.Optional(V.List)),
        ("FilterCriteria", PropertySpec.Optional(V.Dict)),
        ("KmsKeyArn", PropertySpec.PassThrough),
        ("ConsumerGroupId", PropertySpec.Optional(V.Str)),
        ("ScalingConfig", PropertySpec.Optional(V.Dict)),
        ("ProvisionedPollerConfig", PropertySpec.Optional(V.Dict)),
        ("SchemaRegistryConfig", PropertySpec.Optional(V.Dict)),
        ("MetricsConfig", PropertySpec.Optional(V.Dict)),
        ("LoggingConfig", PropertySpec.Optional(V.Dict)),
    ];

    /// <summary>Properties copied unchanged from the event onto the mapping.</summary>
    private static readonly string[] MappingPassThrough =
    [
        "StartingPosition", "StartingPositionTimestamp", "BatchSize", "Enabled", "MaximumBatchingWindowInSeconds",
        "MaximumRetryAttempts", "BisectBatchOnFunctionError", "MaximumRecordAgeInSeconds", "ParallelizationFactor",
        "Topics", "Queues", "SourceAccessConfigurations", "TumblingWindowInSeconds", "FunctionResponseTypes",
        "FilterCriteria", "KmsKeyArn", "ScalingConfig", "ProvisionedPollerConfig", "MetricsConfig", "LoggingConfig",
    ];

    /// <summary>
    /// The common table plus a source's own entries. Like the reference's dict merge, an entry that redefines a
    /// common one keeps the common one's place (so validation order stays the same).
    /// </summary>
    protected static PropertyTable WithCommon(params (string Name, PropertySpec Spec)[] own)
    {
        var merged = CommonProperties.ToList();
        foreach (var entry in own)
        {
            var at = merged.FindIndex(e => e.Name == entry.Name);
            if (at >= 0)
            {
                merged[at] = entry;
            }
            else
            {
                merged.Add(entry);
            }
        }

        return new PropertyTable([.. merged]);
    }

    /// <summary>What the mapping's EventSourceArn is (null for self-managed Kafka, which has none).</summary>
    protected abstract Node? EventSourceArn { get; }

    /// <summary>The AWS managed policy the poller needs (e.g. service-role/AWSLambdaSQSQueueExecutionRole), if any.</summary>
    protected abstract string? ManagedPolicyName { get; }

    /// <summary>What the poller reads: queue, stream, cluster or broker (for explanations).</summary>
    protected abstract string PollerReads { get; }

    /// <summary>Inline policies (PolicyName + PolicyDocument) the poller needs, if any; also validates the source.</summary>
    protected abstract List<MapNode>? PolicyStatements(TransformContext ctx);

    /// <summary>Fields only some sources put on the mapping (DocumentDB's config).</summary>
    protected virtual void AddExtraMappingFields(CfnResource mapping)
    {
    }

    public override IList<CfnResource> ToCloudFormation(EventContext ectx)
    {
        var mapping = new CfnResource(LogicalId, "AWS::Lambda::EventSourceMapping").WithAttributes(ectx.Function.PassthroughAttributes());
        mapping["FunctionName"] = ectx.Function.NameOrArn();
        mapping["EventSourceArn"] = EventSourceArn;
        foreach (var name in MappingPassThrough)
        {
            mapping[name] = Prop(name);
        }

        ValidateFilterCriteria();
        AddKafkaFields(mapping);
        var destinationPolicy = OnFailureDestinationPolicy();
        if (Py.Truthy(Prop("DestinationConfig")))
        {
            mapping["DestinationConfig"] = Prop("DestinationConfig");
        }

        AddExtraMappingFields(mapping);
        LinkPolicies(ectx.Role, ectx.Transform, destinationPolicy);
        return [mapping];
    }

    /// <summary>Bootstrap servers, consumer group and schema registry: the Kafka-specific parts of the mapping.</summary>
    private void AddKafkaFields(CfnResource mapping)
    {
        if (Prop("KafkaBootstrapServers") is { } servers && Py.Truthy(servers))
        {
            mapping["SelfManagedEventSource"] = N.Map(("Endpoints", N.Map(("KafkaBootstrapServers", servers))));
        }

        // MSK and self-managed Kafka keep these under differently named configs.
        var configName = Type switch
        {
            "MSK" => "AmazonManagedKafkaEventSourceConfig",
            "SelfManagedKafka" => "SelfManagedKafkaEventSourceConfig",
            _ => null,
        };
        if (Prop("ConsumerGroupId") is { } group && Py.Truthy(group))
        {
            if (configName is null)
            {
                throw new InvalidEventException(LogicalId, $"Property ConsumerGroupId not defined for resource of type {Type}.").Locate(group);
            }

            mapping[configName] = N.Map(("ConsumerGroupId", group));
        }

        if (Prop("SchemaRegistryConfig") is { } registry && Py.Truthy(registry) && configName is not null)
        {
            if (mapping[configName] is not MapNode config || config.Count == 0)
            {
                config = new MapNode();
                mapping[configName] = config;
            }

            config.Set("SchemaRegistryConfig", registry);
        }
    }
}
