using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Pipeline;
using SamPerms.Tests.Support;
using SamPerms.Tests.Validation;
using SamPerms.Validation;

namespace SamPerms.Tests.Permissions.Effective;

/// <summary>
/// What a workflow needs, from the AWS Step Functions Developer Guide, "IAM policies for integrated services" and
/// its pages per service: a Task calling arn:aws:states:::lambda:invoke needs lambda:InvokeFunction on the
/// function; dynamodb:putItem needs dynamodb:PutItem on the table; sns:publish sns:Publish on the topic (on "*"
/// for a TargetArn or PhoneNumber); sqs:sendMessage sqs:SendMessage on the queue; events:putEvents
/// events:PutEvents on the event bus; states:startExecution states:StartExecution on the state machine, and
/// .sync adds states:DescribeExecution and states:StopExecution on its executions and events:PutTargets,
/// events:PutRule, events:DescribeRule on rule/StepFunctionsGetEventsForStepFunctionsExecutionRule; ecs:runTask.sync,
/// batch:submitJob.sync and glue:startJobRun.sync add their polling actions (and their managed rule). "Dynamic
/// resources" (a path) are "Resource": "*". AWS SDK integrations need the API's own action.
/// </summary>
public sealed class WorkflowNeedsTests
{
    private static string Flow(string task, string policies, string extra = "") => Template(Indent(task, 12), Indent(policies, 8), extra);

    /// <summary>The lines with their common indentation replaced by <paramref name="by"/> spaces.</summary>
    private static string Indent(string text, int by)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n');
        var common = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart(' ').Length);
        return string.Join("\n", lines.Select(l => l.Trim().Length == 0 ? "" : new string(' ', by) + l[common..]));
    }

    private static string Template(string task, string policies, string extra) => $$"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::Serverless::SimpleTable
          Alerts:
            Type: AWS::SNS::Topic
          Jobs:
            Type: AWS::SQS::Queue
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
          Child:
            Type: AWS::Serverless::StateMachine
            Properties:
              Definition: {StartAt: Done, States: {Done: {Type: Pass, End: true} } }
              Policies: []
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
        {{extra}}
              Definition:
                StartAt: Step
                States:
                  Step:
        {{task}}
                    End: true
              Policies:
        {{policies}}

        """;

    private const string Nothing = "- Statement: [{Effect: Allow, Action: 'logs:CreateLogDelivery', Resource: '*'}]";

    [Fact]
    public void A_putItem_on_a_table_the_role_may_not_write_is_a_need_at_the_Resource_line()
    {
        var yaml = Flow("""
                    Type: Task
                    Resource: arn:aws:states:::dynamodb:putItem
                    Parameters: {TableName: !Ref Orders, Item: {id: {S.$: $.id}}}
            """, "- LambdaInvokePolicy: {FunctionName: !Ref Worker}");
        var d = Check.One(yaml, DiagnosticCatalog.WorkflowTaskNotGranted);
        Assert.Equal(Check.LineOf(yaml, "dynamodb:putItem"), d.Span.Line);
        Assert.Contains("dynamodb:PutItem on Orders", d.Message, StringComparison.Ordinal);
        Assert.Contains(Effective.Map(yaml).Find("Flow")!.Notes, n => n.Code == DiagnosticCatalog.WorkflowTaskNotGranted && n.Source.Span.Line == d.Span.Line);
    }

    [Theory]
    [InlineData("- DynamoDBCrudPolicy: {TableName: !Ref Orders}")]
    [InlineData("- DynamoDBWritePolicy: {TableName: !Ref Orders}")]
    [InlineData("- Statement: [{Effect: Allow, Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'], Resource: !GetAtt Orders.Arn}]")]
    public void The_grant_on_the_table_is_no_finding(string policy) =>
        Check.None(Flow("""
                    Type: Task
                    Resource: arn:aws:states:::dynamodb:putItem
                    Parameters: {TableName: !Ref Orders, Item: {id: {S: x}}}
            """, policy), DiagnosticCatalog.WorkflowTaskNotGranted);

    [Fact]
    public void Can_says_which_state_needs_an_action_the_role_lacks()
    {
        var yaml = Flow("""
                    Type: Task
                    Resource: arn:aws:states:::dynamodb:putItem
                    Parameters: {TableName: !Ref Orders, Item: {}}
            """, "- LambdaInvokePolicy: {FunctionName: !Ref Worker}");
        var answer = Effective.Can(yaml, "Flow", "dynamodb:PutItem", "${Orders.Arn}");
        Assert.Equal(SamPerms.Permissions.AccessVerdict.NotAllowed, answer.Verdict);
        Assert.Contains($"needed by state Step (line {Check.LineOf(yaml, "dynamodb:putItem")})", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grant_outside_the_permission_boundary_does_not_meet_the_need()
    {
        // Policy evaluation logic: a role with a permissions boundary may do only what both allow.
        const string task = """
                    Type: Task
                    Resource: arn:aws:states:::dynamodb:putItem
                    Parameters: {TableName: !Ref Orders, Item: {}}
            """;
        var d = Check.One(Flow(task, "- DynamoDBCrudPolicy: {TableName: !Ref Orders}", "      PermissionsBoundary: arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"), DiagnosticCatalog.WorkflowTaskNotGranted);
        Assert.Contains("dynamodb:PutItem on Orders is outside the permission boundary AmazonS3ReadOnlyAccess", d.Message, StringComparison.Ordinal);
        Check.None(Flow(task, "- DynamoDBCrudPolicy: {TableName: !Ref Orders}", "      PermissionsBoundary: arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"), DiagnosticCatalog.WorkflowTaskNotGranted);
    }

    [Fact]
    public void Read_access_does_not_let_the_workflow_put_an_item() =>
        Check.One(Flow("""
                    Type: Task
                    Resource: arn:aws:states:::dynamodb:putItem
                    Parameters: {TableName: !Ref Orders, Item: {id: {S: x}}}
            """, "- DynamoDBReadPolicy: {TableName: !Ref Orders}"), DiagnosticCatalog.WorkflowTaskNotGranted);

    [Theory]
    [InlineData("arn:aws:states:::lambda:invoke", "Parameters: {FunctionName: !GetAtt Worker.Arn}")]
    [InlineData("arn:aws:states:::lambda:invoke.waitForTaskToken", "Parameters: {FunctionName: !Ref Worker, Payload: {token.$: $$.Task.Token}}")]
    [InlineData("!GetAtt Worker.Arn", "Comment: a function ARN as Resource")]
    [InlineData("arn:aws:states:::lambda:invoke", "Parameters: {FunctionName: '${WorkerArn}'}")]
    public void Invoking_a_function_needs_lambda_InvokeFunction_on_it(string resource, string parameters)
    {
        var task = $"            Type: Task\n            Resource: {resource}\n            {parameters}";
        var extra = "      DefinitionSubstitutions: {WorkerArn: !GetAtt Worker.Arn}";
        var d = Check.One(Flow(task, Nothing, extra), DiagnosticCatalog.WorkflowTaskNotGranted);
        Assert.Contains("lambda:InvokeFunction on Worker", d.Message, StringComparison.Ordinal);
        Check.None(Flow(task, "- LambdaInvokePolicy: {FunctionName: !Ref Worker}", extra), DiagnosticCatalog.WorkflowTaskNotGranted);
    }

    [Fact]
    public void A_target_chosen_at_run_time_is_missing_only_when_the_role_allows_the_action_nowhere()
    {
        const string task = """
                    Type: Task
                    Resource: arn:aws:states:::lambda:invoke
                    Parameters: {FunctionName.$: $.function}
            """;
        Check.None(Flow(task, "- LambdaInvokePolicy: {FunctionName: !Ref Worker}"), DiagnosticCatalog.WorkflowTaskNotGranted);
        var d = Check.One(Flow(task, Nothing), DiagnosticCatalog.WorkflowTaskNotGranted);
        Assert.Contains("on any resource", d.Message, StringComparison.Ordinal);
        const string jsonata = """
                    Type: Task
                    Resource: arn:aws:states:::lambda:invoke
                    Arguments: {FunctionName: '{% $states.input.function %}'}
            """;
        Check.None(Flow(jsonata, "- LambdaInvokePolicy: {FunctionName: !Ref Worker}"), DiagnosticCatalog.WorkflowTaskNotGranted);
    }

    [Theory]
    [InlineData("arn:aws:states:::sns:publish", "{TopicArn: !Ref Alerts, Message: hi}", "- SNSPublishMessagePolicy: {TopicName: !GetAtt Alerts.TopicName}", "sns:Publish on Alerts")]
    [InlineData("arn:aws:states:::sqs:sendMessage", "{QueueUrl: !Ref Jobs, MessageBody: hi}", "- SQSSendMessagePolicy: {QueueName: !GetAtt Jobs.QueueName}", "sqs:SendMessage on Jobs")]
    [InlineData("arn:aws:states:::sqs:sendMessage.waitForTaskToken", "{QueueUrl: !Ref Jobs, MessageBody: {token.$: $$.Task.Token}}", "- SQSSendMessagePolicy: {QueueName: !GetAtt Jobs.QueueName}", "sqs:SendMessage on Jobs")]
    [InlineData("arn:aws:states:::events:putEvents", "{Entries: [{Detail: {}, DetailType: t, Source: s}]}", "- EventBridgePutEventsPolicy: {EventBusName: default}", "events:PutEvents on")]
    [InlineData("arn:aws:states:::states:startExecution", "{StateMachineArn: !Ref Child}", "- StepFunctionsExecutionPolicy: {StateMachineName: !GetAtt Child.Name}", "states:StartExecution on Child")]
    public void Each_integration_needs_its_action_and_the_policy_template_grants_it(string resource, string parameters, string policy, string expected)
    {
        var task = $"            Type: Task\n            Resource: {resource}\n            Parameters: {parameters}";
        var d = Check.One(Flow(task, Nothing), DiagnosticCatalog.WorkflowTaskNotGranted);
        Assert.Contains(expected, d.Message, StringComparison.Ordinal);
        Check.None(Flow(task, policy), DiagnosticCatalog.WorkflowTaskNotGranted);
    }

    [Fact]
    public void A_connector_and_a_custom_bus_named_by_ref_or_arn_meet_the_needs()
    {
        var yaml = Flow("""
                    Type: Task
                    Resource: arn:aws:states:::events:putEvents
                    Parameters:
                      Entries:
                        - {EventBusName: !Ref Bus, Source: s, DetailType: t, Detail: {}}
                        - {EventBusName: !GetAtt Bus.Arn, Source: s, DetailType: t, Detail: {}}
            """, "- EventBridgePutEventsPolicy: {EventBusName: !Ref Bus}")
            + "  Bus:\n    Type: AWS::Events::EventBus\n    Properties: {Name: orders}\n";
        Check.None(yaml, DiagnosticCatalog.WorkflowTaskNotGranted);
        Check.One(yaml.Replace("- EventBridgePutEventsPolicy: {EventBusName: !Ref Bus}", Nothing, StringComparison.Ordinal), DiagnosticCatalog.WorkflowTaskNotGranted);

        var save = Flow("""
                    Type: Task
                    Resource: arn:aws:states:::dynamodb:putItem
                    Parameters: {TableName: !Ref Orders, Item: {}}
            """, Nothing);
        Check.One(save, DiagnosticCatalog.WorkflowTaskNotGranted);
        Check.None(save + "  Writes:\n    Type: AWS::Serverless::Connector\n    Properties: {Source: {Id: Flow}, Destination: {Id: Orders}, Permissions: [Write]}\n", DiagnosticCatalog.WorkflowTaskNotGranted);
    }

    [Fact]
    public void Publishing_to_a_phone_number_is_on_any_resource() =>
        Check.None(Flow("""
                    Type: Task
                    Resource: arn:aws:states:::sns:publish
                    Parameters: {PhoneNumber: '+15555550100', Message: hi}
            """, "- SNSPublishMessagePolicy: {TopicName: !GetAtt Alerts.TopicName}"), DiagnosticCatalog.WorkflowTaskNotGranted);

    [Fact]
    public void A_nested_sync_execution_also_needs_describe_stop_and_the_managed_rule()
    {
        const string task = """
                    Type: Task
                    Resource: arn:aws:states:::states:startExecution.sync:2
                    Parameters: {StateMachineArn: !Ref Child}
            """;
        var d = Check.One(Flow(task, "- StepFunctionsExecutionPolicy: {StateMachineName: !GetAtt Child.Name}"), DiagnosticCatalog.WorkflowTaskNotGranted);
        Assert.DoesNotContain("states:StartExecution", d.Message, StringComparison.Ordinal);
        Assert.Contains("states:DescribeExecution, states:StopExecution on the executions of Child", d.Message, StringComparison.Ordinal);
        Assert.Contains("events:PutTargets, events:PutRule, events:DescribeRule on the rule StepFunctionsGetEventsForStepFunctionsExecutionRule", d.Message, StringComparison.Ordinal);
        // The documentation's policy for the synchronous pattern.
        Check.None(Flow(task, """
            - StepFunctionsExecutionPolicy: {StateMachineName: !GetAtt Child.Name}
            - Statement:
                - {Effect: Allow, Action: ['states:DescribeExecution', 'states:StopExecution'], Resource: !Sub 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${Child.Name}:*'}
                - {Effect: Allow, Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], Resource: !Sub 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule'}
            """), DiagnosticCatalog.WorkflowTaskNotGranted);
        // Waiting for a callback needs only StartExecution.
        Check.None(Flow(task.Replace(".sync:2", ".waitForTaskToken", StringComparison.Ordinal), "- StepFunctionsExecutionPolicy: {StateMachineName: !GetAtt Child.Name}"), DiagnosticCatalog.WorkflowTaskNotGranted);
    }

    [Theory]
    [InlineData("arn:aws:states:::ecs:runTask.sync", "{TaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/report:3', Cluster: c}",
        "[{Effect: Allow, Action: 'ecs:RunTask', Resource: 'arn:aws:ecs:us-east-1:123456789012:task-definition/report:3'}, {Effect: Allow, Action: ['ecs:StopTask', 'ecs:DescribeTasks'], Resource: '*'}, {Effect: Allow, Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], Resource: !Sub 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForECSTaskRule'}]",
        "ecs:StopTask")]
    [InlineData("arn:aws:states:::batch:submitJob.sync", "{JobName: n, JobQueue: q, JobDefinition: d}",
        "[{Effect: Allow, Action: ['batch:SubmitJob', 'batch:DescribeJobs', 'batch:TerminateJob'], Resource: '*'}, {Effect: Allow, Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], Resource: !Sub 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForBatchJobsRule'}]",
        "batch:DescribeJobs")]
    [InlineData("arn:aws:states:::glue:startJobRun.sync", "{JobName: nightly}",
        "[{Effect: Allow, Action: ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'], Resource: '*'}]",
        "glue:GetJobRun")]
    public void Run_a_job_needs_the_documented_policy(string resource, string parameters, string statements, string expected)
    {
        var task = $"            Type: Task\n            Resource: {resource}\n            Parameters: {parameters}";
        Assert.Contains(expected, Check.One(Flow(task, Nothing), DiagnosticCatalog.WorkflowTaskNotGranted).Message, StringComparison.Ordinal);
        Check.None(Flow(task, "- Statement: " + statements), DiagnosticCatalog.WorkflowTaskNotGranted);
    }

    [Fact]
    public void A_sync_job_with_only_the_start_action_lacks_the_polling_actions()
    {
        var d = Check.One(Flow("""
                    Type: Task
                    Resource: arn:aws:states:::glue:startJobRun.sync
                    Parameters: {JobName: nightly}
            """, "- Statement: [{Effect: Allow, Action: 'glue:StartJobRun', Resource: '*'}]"), DiagnosticCatalog.WorkflowTaskNotGranted);
        Assert.Contains("glue:GetJobRun, glue:GetJobRuns, glue:BatchStopJobRun", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("glue:StartJobRun", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:states:::aws-sdk:s3:getObject", "{Bucket: photos, Key: a.jpg}", "s3:GetObject", "- S3ReadPolicy: {BucketName: photos}")]
    [InlineData("arn:aws:states:::aws-sdk:sfn:startExecution", "{StateMachineArn: !Ref Child}", "states:StartExecution", "- StepFunctionsExecutionPolicy: {StateMachineName: !GetAtt Child.Name}")]
    [InlineData("arn:aws:states:::aws-sdk:cloudwatchlogs:putLogEvents", "{LogGroupName: g, LogStreamName: s, LogEvents: []}", "logs:PutLogEvents", "- Statement: [{Effect: Allow, Action: 'logs:PutLogEvents', Resource: '*'}]")]
    [InlineData("arn:aws:states:::aws-sdk:s3:listObjectsV2", "{Bucket: photos}", "s3:ListBucket", "- S3ReadPolicy: {BucketName: photos}")]
    public void An_sdk_integration_needs_the_action_of_its_api(string resource, string parameters, string action, string policy)
    {
        var task = $"            Type: Task\n            Resource: {resource}\n            Parameters: {parameters}";
        Assert.Contains(action + " on any resource", Check.One(Flow(task, Nothing), DiagnosticCatalog.WorkflowTaskNotGranted).Message, StringComparison.Ordinal);
        Check.None(Flow(task, policy), DiagnosticCatalog.WorkflowTaskNotGranted);
    }

    [Fact]
    public void An_unknown_sdk_action_or_integration_is_not_claimed() =>
        Check.None(Flow("""
                    Type: Task
                    Resource: arn:aws:states:::aws-sdk:s3:frobnicate
                    Parameters: {Bucket: photos}
            """, Nothing), DiagnosticCatalog.WorkflowTaskNotGranted);

    [Fact]
    public void An_http_task_needs_the_endpoint_the_connection_and_its_secret()
    {
        const string task = """
                    Type: Task
                    Resource: arn:aws:states:::http:invoke
                    Parameters:
                      ApiEndpoint: https://api.example.com/orders
                      Method: GET
                      Authentication: {ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/Api/0b1c'}
            """;
        var d = Check.One(Flow(task, Nothing), DiagnosticCatalog.WorkflowTaskNotGranted);
        Assert.Contains("states:InvokeHTTPEndpoint on the state machine itself", d.Message, StringComparison.Ordinal);
        Assert.Contains("events:RetrieveConnectionCredentials on arn:aws:events:us-east-1:123456789012:connection/Api/0b1c", d.Message, StringComparison.Ordinal);
        Assert.Contains("secretsmanager:GetSecretValue, secretsmanager:DescribeSecret on the connection's secret", d.Message, StringComparison.Ordinal);
        Check.None(Flow(task, """
            - Statement:
                - {Effect: Allow, Action: 'states:InvokeHTTPEndpoint', Resource: '*', Condition: {StringEquals: {'states:HTTPMethod': GET}}}
                - {Effect: Allow, Action: 'events:RetrieveConnectionCredentials', Resource: 'arn:aws:events:us-east-1:123456789012:connection/Api/*'}
                - {Effect: Allow, Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: 'arn:aws:secretsmanager:*:*:secret:events!connection/*'}
            """), DiagnosticCatalog.WorkflowTaskNotGranted);
    }

    [Fact]
    public void Tasks_inside_parallel_branches_and_map_processors_count()
    {
        var yaml = Flow("""
                    Type: Parallel
                    Branches:
                      - StartAt: Each
                        States:
                          Each:
                            Type: Map
                            ItemProcessor:
                              StartAt: Save
                              States:
                                Save: {Type: Task, Resource: 'arn:aws:states:::dynamodb:updateItem', Parameters: {TableName: !Ref Orders, Key: {}}, End: true}
                            End: true
                      - StartAt: Old
                        States:
                          Old:
                            Type: Map
                            Iterator:
                              StartAt: Tell
                              States:
                                Tell: {Type: Task, Resource: 'arn:aws:states:::sns:publish', Parameters: {TopicArn: !Ref Alerts, Message: m}, End: true}
                            End: true
            """, Nothing);
        var found = Check.Code(yaml, DiagnosticCatalog.WorkflowTaskNotGranted);
        Assert.Equal([Check.LineOf(yaml, "dynamodb:updateItem"), Check.LineOf(yaml, "sns:publish")], found.Select(d => d.Span.Line).Order());
    }

    [Fact]
    public void A_task_with_its_own_credentials_and_a_role_outside_the_template_are_not_judged()
    {
        Check.None(Flow("""
                    Type: Task
                    Resource: arn:aws:states:::dynamodb:putItem
                    Credentials: {RoleArn: 'arn:aws:iam::123456789012:role/Writer'}
                    Parameters: {TableName: !Ref Orders, Item: {}}
            """, Nothing), DiagnosticCatalog.WorkflowTaskNotGranted);
        var external = Flow("""
                    Type: Task
                    Resource: arn:aws:states:::dynamodb:putItem
                    Parameters: {TableName: !Ref Orders, Item: {}}
            """, Nothing).Replace("      Policies:\n        " + Nothing, "      Role: arn:aws:iam::123456789012:role/Flow", StringComparison.Ordinal);
        Assert.Contains("role/Flow", external, StringComparison.Ordinal);
        Check.None(external, DiagnosticCatalog.WorkflowTaskNotGranted);
    }

    [Fact]
    public void A_plain_state_machine_definition_string_is_read_with_its_role()
    {
        const string yaml = """
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  BillingMode: PAY_PER_REQUEST
              FlowRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: states.amazonaws.com}, Action: sts:AssumeRole}]}
                  Policies:
                    - PolicyName: read
                      PolicyDocument: {Statement: [{Effect: Allow, Action: 'dynamodb:GetItem', Resource: !GetAtt Orders.Arn}]}
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: !GetAtt FlowRole.Arn
                  DefinitionString: !Sub |
                    {"StartAt": "Read", "States": {
                      "Read": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem", "Parameters": {"TableName": "${Orders}", "Key": {}}, "Next": "Write"},
                      "Write": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "Parameters": {"TableName": "${Orders}", "Item": {}}, "End": true}}}
            """;
        var d = Check.One(yaml, DiagnosticCatalog.WorkflowTaskNotGranted);
        Assert.StartsWith("state Write ", d.Message, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(yaml, "DefinitionString"), d.Span.Line);
    }

    [Fact]
    public void A_local_definition_file_is_read_relative_to_the_template()
    {
        using var dir = new TempDir();
        dir.Write("flow.asl.json", """
            {
              "StartAt": "Save",
              "States": {
                "Save": {
                  "Type": "Task",
                  "Resource": "arn:aws:states:::dynamodb:putItem",
                  "Parameters": {"TableName": "${OrdersTable}", "Item": {}},
                  "End": true
                }
              }
            }
            """);
        const string template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::SimpleTable
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: flow.asl.json
                  DefinitionSubstitutions: {OrdersTable: !Ref Orders}
                  Policies: [{DynamoDBReadPolicy: {TableName: !Ref Orders}}]
            """;
        var path = dir.Write("template.yaml", template);
        var options = new ValidationOptions { Transform = new TransformOptions { LocalArtifacts = true } };
        var found = TemplateValidation.Run(path, File.ReadAllBytes(path), options).Report.Diagnostics.Where(d => d.Code == DiagnosticCatalog.WorkflowTaskNotGranted).ToList();
        var d = Assert.Single(found);
        Assert.Equal(Check.LineOf(template, "DefinitionUri"), d.Span.Line);
        Assert.Contains("state Save (flow.asl.json line 6)", d.Message, StringComparison.Ordinal);
        Assert.Contains("dynamodb:PutItem on Orders", d.Message, StringComparison.Ordinal);
        Assert.Single(TemplateRun.Mapped(path, options.Transform).Map!.Find("Flow")!.Notes);

        // A missing file: SP2301 says so, and nothing more.
        File.Delete(Path.Combine(dir.Path, "flow.asl.json"));
        var missing = TemplateValidation.Run(path, File.ReadAllBytes(path), options).Report.Diagnostics;
        Assert.Contains(missing, m => m.Code == DiagnosticCatalog.LocalArtifactMissing);
        Assert.DoesNotContain(missing, m => m.Code == DiagnosticCatalog.WorkflowTaskNotGranted);
    }

    [Fact]
    public void Every_action_of_the_integration_table_is_an_action_IAM_knows()
    {
        var actions = SamPerms.Permissions.Effective.Workflows.Integrations.All.SelectMany(i => i.Calls.Concat(i.Sync)).SelectMany(n => n.Actions).Distinct().ToList();
        Assert.Contains("states:InvokeHTTPEndpoint", actions);
        Assert.All(actions, a => Assert.NotNull(SamPerms.Data.IamActionCatalog.Find(a)));
        Assert.Equal("states:StartExecution", SamPerms.Permissions.Effective.Workflows.AwsSdkActions.ActionOf("sfn", "startExecution"));
        Assert.Equal("logs:PutLogEvents", SamPerms.Permissions.Effective.Workflows.AwsSdkActions.ActionOf("cloudwatchlogs", "putLogEvents"));
        Assert.Null(SamPerms.Permissions.Effective.Workflows.AwsSdkActions.ActionOf("s3", "frobnicate"));
    }
}
