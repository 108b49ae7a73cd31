namespace SamPerms.Permissions.Effective.Workflows;

/// <summary>What the resource a Task names is, and so how a name, URL or ARN in its parameters becomes an ARN.</summary>
internal enum TargetKind
{
    Function,
    Table,
    Topic,
    Queue,
    StateMachine,
    TaskDefinition,
    EventBus,
    Connection,
}

/// <summary>Where an action of an integration applies.</summary>
internal enum NeedOn
{
    /// <summary>The resource the Task names (its target parameter).</summary>
    Target,

    /// <summary>The executions of the target state machine: <c>...:execution:NAME:*</c>.</summary>
    TargetExecutions,

    /// <summary>No resource known before run time (the documentation's <c>"Resource": "*"</c>).</summary>
    Any,

    /// <summary>The EventBridge managed rule Step Functions uses to follow a .sync job (its name is <see cref="NeedSpec.Rule"/>).</summary>
    ManagedRule,

    /// <summary>The state machine itself (HTTP task: states:InvokeHTTPEndpoint).</summary>
    Self,

    /// <summary>The Secrets Manager secret behind an EventBridge connection (<c>secret:events!connection/*</c>).</summary>
    ConnectionSecret,
}

/// <summary>Actions a Task needs, and on what.</summary>
internal sealed record NeedSpec(IReadOnlyList<string> Actions, NeedOn On, string? Rule = null);

/// <summary>
/// One optimized integration: the Task Resource <c>arn:PARTITION:states:::SERVICE:API</c> (without the pattern
/// suffix), the parameter naming its target, the actions every call needs and those only the Run a Job pattern
/// (<c>.sync</c>, <c>.sync:2</c>) adds to watch the job.
/// </summary>
internal sealed record Integration(string Api, string? TargetParameter, TargetKind? Kind, IReadOnlyList<NeedSpec> Calls, IReadOnlyList<NeedSpec> Sync, string? Suggestion);

/// <summary>
/// The IAM actions of Step Functions' optimized integrations, one row per Task resource. Source: AWS Step Functions
/// Developer Guide, "How Step Functions generates IAM policies for integrated services" and its pages per service
/// (IAM policies for AWS Lambda, Amazon DynamoDB, Amazon SNS, Amazon SQS, Amazon EventBridge, AWS Step Functions,
/// Amazon ECS/AWS Fargate, AWS Batch, AWS Glue) and "Call HTTPS APIs in Step Functions workflows" (HTTP Task).
/// A call needs the API's own action on the resource the Task names ("static resources"); a target given by a
/// path is a dynamic resource, "Resource": "*". Run a Job (.sync) adds the polling actions and, where the
/// documentation lists them, events:PutTargets/PutRule/DescribeRule on the managed rule Step Functions creates.
/// </summary>
internal static class Integrations
{
    private static readonly string[] RuleActions = ["events:PutTargets", "events:PutRule", "events:DescribeRule"];

    private static readonly Dictionary<string, Integration> ByApi = new Integration[]
    {
        new("lambda:invoke", "FunctionName", TargetKind.Function, [new(["lambda:InvokeFunction"], NeedOn.Target)], [], "LambdaInvokePolicy"),
        new("dynamodb:getItem", "TableName", TargetKind.Table, [new(["dynamodb:GetItem"], NeedOn.Target)], [], "DynamoDBReadPolicy or DynamoDBCrudPolicy"),
        new("dynamodb:putItem", "TableName", TargetKind.Table, [new(["dynamodb:PutItem"], NeedOn.Target)], [], "DynamoDBWritePolicy or DynamoDBCrudPolicy"),
        new("dynamodb:updateItem", "TableName", TargetKind.Table, [new(["dynamodb:UpdateItem"], NeedOn.Target)], [], "DynamoDBWritePolicy or DynamoDBCrudPolicy"),
        new("dynamodb:deleteItem", "TableName", TargetKind.Table, [new(["dynamodb:DeleteItem"], NeedOn.Target)], [], "DynamoDBCrudPolicy"),
        new("sns:publish", "TopicArn", TargetKind.Topic, [new(["sns:Publish"], NeedOn.Target)], [], "SNSPublishMessagePolicy"),
        new("sqs:sendMessage", "QueueUrl", TargetKind.Queue, [new(["sqs:SendMessage"], NeedOn.Target)], [], "SQSSendMessagePolicy"),
        new("events:putEvents", "EventBusName", TargetKind.EventBus, [new(["events:PutEvents"], NeedOn.Target)], [], "EventBridgePutEventsPolicy"),
        new("states:startExecution", "StateMachineArn", TargetKind.StateMachine, [new(["states:StartExecution"], NeedOn.Target)],
            [new(["states:DescribeExecution", "states:StopExecution"], NeedOn.TargetExecutions), new(RuleActions, NeedOn.ManagedRule, "StepFunctionsGetEventsForStepFunctionsExecutionRule")],
            "StepFunctionsExecutionPolicy"),
        new("ecs:runTask", "TaskDefinition", TargetKind.TaskDefinition, [new(["ecs:RunTask"], NeedOn.Target)],
            [new(["ecs:StopTask", "ecs:DescribeTasks"], NeedOn.Any), new(RuleActions, NeedOn.ManagedRule, "StepFunctionsGetEventsForECSTaskRule")], null),
        new("batch:submitJob", null, null, [new(["batch:SubmitJob"], NeedOn.Any)],
            [new(["batch:DescribeJobs", "batch:TerminateJob"], NeedOn.Any), new(RuleActions, NeedOn.ManagedRule, "StepFunctionsGetEventsForBatchJobsRule")], null),
        new("glue:startJobRun", null, null, [new(["glue:StartJobRun"], NeedOn.Any)],
            [new(["glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"], NeedOn.Any)], null),
        new("http:invoke", "Authentication.ConnectionArn", TargetKind.Connection,
            [new(["states:InvokeHTTPEndpoint"], NeedOn.Self), new(["events:RetrieveConnectionCredentials"], NeedOn.Target),
             new(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], NeedOn.ConnectionSecret)], [], null),
    }.ToDictionary(i => i.Api, StringComparer.Ordinal);

    /// <summary>Every row, in API order.</summary>
    public static IEnumerable<Integration> All => ByApi.Values.OrderBy(i => i.Api, StringComparer.Ordinal);

    /// <summary>The row for "service:api" (pattern suffix removed), or null for an integration the table does not hold.</summary>
    public static Integration? Find(string api) => ByApi.GetValueOrDefault(api);
}
