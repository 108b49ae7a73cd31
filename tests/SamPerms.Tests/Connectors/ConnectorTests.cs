using SamPerms.Model;
using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.Connectors;

public sealed class ConnectorTests
{
    private const string FunctionToTable = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              InlineCode: "def handler(e, c): pass"
          Orders:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
          WorkerToOrders:
            Type: AWS::Serverless::Connector
            Properties:
              Source:
                Id: Worker
              Destination:
                Id: Orders
              Permissions:
                - Read
                - Write
        """;

    [Fact]
    public void Function_to_table_read_write_is_a_managed_policy_on_the_function_role()
    {
        var resources = Resources(FunctionToTable);
        Assert.False(resources.ContainsKey("WorkerToOrders"));
        var policy = resources.Resource("WorkerToOrdersPolicy");
        Assert.Equal("AWS::IAM::ManagedPolicy", At(policy, "Type")!.Str);
        Assert.Equal("""[{"Ref":"WorkerRole"}]""", JsonOf(At(policy, "Properties", "Roles")));

        var statements = (SeqNode)At(policy, "Properties", "PolicyDocument", "Statement")!;
        Assert.Equal(2, statements.Count);
        var readActions = JsonOf(At(statements[0], "Action"));
        var writeActions = JsonOf(At(statements[1], "Action"));
        Assert.Contains("dynamodb:GetItem", readActions);
        Assert.DoesNotContain("dynamodb:PutItem", readActions);
        Assert.Contains("dynamodb:PutItem", writeActions);
        var tableArn = """{"Fn::GetAtt":["Orders","Arn"]}""";
        Assert.Contains(tableArn, JsonOf(At(statements[0], "Resource")));
        Assert.Contains("/index/*", JsonOf(At(statements[0], "Resource")));

        // The metadata names the SAM type of the source, not the Lambda function it became.
        Assert.Equal("AWS::Serverless::Function", At(policy, "Metadata", "aws:sam:connectors", "WorkerToOrders", "Source", "Type")!.Str);
        Assert.Equal("AWS::DynamoDB::Table", At(policy, "Metadata", "aws:sam:connectors", "WorkerToOrders", "Destination", "Type")!.Str);
    }

    [Fact]
    public void Read_only_connector_grants_only_the_read_statement()
    {
        var resources = Resources(FunctionToTable.Replace("\n        - Write", "", StringComparison.Ordinal));
        var statements = (SeqNode)At(resources.Resource("WorkerToOrdersPolicy"), "Properties", "PolicyDocument", "Statement")!;
        Assert.Single(statements);
        Assert.DoesNotContain("dynamodb:PutItem", JsonOf(statements));
    }

    [Fact]
    public void Topic_to_queue_is_a_queue_policy_limited_to_the_topic()
    {
        var resources = Resources("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
              Events:
                Type: AWS::SNS::Topic
                Connectors:
                  ToJobs:
                    Properties:
                      Destination:
                        Id: Jobs
                      Permissions:
                        - Write
            """);
        Assert.False(At(resources.Resource("Events"), "Connectors") is not null);
        var policy = resources.Resource("EventsToJobsQueuePolicy");
        Assert.Equal("AWS::SQS::QueuePolicy", At(policy, "Type")!.Str);
        Assert.Equal("""[{"Ref":"Jobs"}]""", JsonOf(At(policy, "Properties", "Queues")));
        var statement = At(policy, "Properties", "PolicyDocument", "Statement", "0")!;
        Assert.Equal("sqs:SendMessage", At(statement, "Action")!.Str);
        Assert.Equal("sns.amazonaws.com", At(statement, "Principal", "Service")!.Str);
        Assert.Equal("""{"Fn::GetAtt":["Jobs","Arn"]}""", JsonOf(At(statement, "Resource")));
        Assert.Equal("""{"Ref":"Events"}""", JsonOf(At(statement, "Condition", "ArnEquals", "aws:SourceArn")));
    }

    [Fact]
    public void Depending_on_a_connector_means_depending_on_what_it_generated()
    {
        var resources = Resources(FunctionToTable + """

              Waiter:
                Type: AWS::SNS::Topic
                DependsOn: WorkerToOrders
            """);
        Assert.Equal("""["WorkerToOrdersPolicy"]""", JsonOf(At(resources.Resource("Waiter"), "DependsOn")));
    }

    [Fact]
    public void Unsupported_permission_is_reported_with_the_valid_ones()
    {
        var outcome = Run(FunctionToTable.Replace("- Write", "- Delete", StringComparison.Ordinal));
        Assert.False(outcome.Succeeded);
        Assert.Contains("Resource with id [WorkerToOrders] is invalid. Unsupported 'Permissions' provided for connector from AWS::Lambda::Function to AWS::DynamoDB::Table; valid values are: Read, Write.", outcome.ErrorMessage);
    }

    [Fact]
    public void Hardcoded_destination_without_arn_names_the_missing_variable()
    {
        var outcome = Run("""
            Resources:
              Rule:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: rate(5 minutes)
              RuleToTopic:
                Type: AWS::Serverless::Connector
                Properties:
                  Source:
                    Id: Rule
                  Destination:
                    Type: AWS::SNS::Topic
                  Permissions:
                    - Write
            """);
        Assert.Equal("Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [RuleToTopic] is invalid. Destination.Arn is missing.", outcome.ErrorMessage);
    }
}
