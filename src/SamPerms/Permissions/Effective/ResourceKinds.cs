namespace SamPerms.Permissions.Effective;

/// <summary>
/// Resource types a function's code evidently uses when its configuration names them: the IAM service their
/// actions belong to, the attributes that name the resource for an SDK call (a bucket's DomainName or a queue
/// used only for its URL in a web page would not), and the SAM policy templates that grant the usual access.
/// </summary>
internal sealed record ResourceKind(string Service, IReadOnlyList<string> Attributes, string Suggestion)
{
    private static readonly Dictionary<string, ResourceKind> ByType = new(StringComparer.Ordinal)
    {
        ["AWS::DynamoDB::Table"] = new("dynamodb", ["Arn", "StreamArn"], "DynamoDBCrudPolicy or DynamoDBReadPolicy"),
        ["AWS::SQS::Queue"] = new("sqs", ["Arn", "QueueName", "QueueUrl"], "SQSSendMessagePolicy or SQSPollerPolicy"),
        ["AWS::SNS::Topic"] = new("sns", ["TopicArn", "TopicName"], "SNSPublishMessagePolicy"),
        ["AWS::S3::Bucket"] = new("s3", ["Arn"], "S3ReadPolicy, S3WritePolicy or S3CrudPolicy"),
        ["AWS::Kinesis::Stream"] = new("kinesis", ["Arn"], "KinesisCrudPolicy"),
        ["AWS::StepFunctions::StateMachine"] = new("states", ["Arn", "Name"], "StepFunctionsExecutionPolicy"),
        ["AWS::SecretsManager::Secret"] = new("secretsmanager", ["Id"], "AWSSecretsManagerGetSecretValuePolicy"),
        ["AWS::Events::EventBus"] = new("events", ["Arn", "Name"], "EventBridgePutEventsPolicy"),
    };

    public static ResourceKind? Of(string? type) => type is null ? null : ByType.GetValueOrDefault(type);
}
