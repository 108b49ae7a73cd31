using SamPerms.Model;
using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.Events;

/// <summary>Pull (poller) events: the event source mapping and what the poller adds to the execution role.</summary>
public sealed class PullEventSourceTests
{
    private static List<string> ManagedPolicies(MapNode role) =>
        ((SeqNode)role.Get("ManagedPolicyArns")!).Items.Select(i => i.Str!).ToList();

    private static MapNode Policy(MapNode role, string name) =>
        ((SeqNode)role.Get("Policies")!).Items.Cast<MapNode>().Single(p => p.Get("PolicyName")?.Str == name);

    private const string Header = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: index.handler
              InlineCode: "x"

        """;

    [Fact]
    public void SqsEventCreatesMappingAndAddsQueuePollerPolicy()
    {
        var outcome = Run(Header + """
                  Events:
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: arn:aws:sqs:us-east-1:123456789012:q
                        BatchSize: 5
                        Enabled: false
                        FilterCriteria:
                          Filters:
                            - Pattern: '{"body": ["a"]}'
            """);

        var mapping = Properties(outcome, "FnQueue");
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:q", mapping.Get("EventSourceArn")!.Str);
        Assert.Equal("Fn", ((MapNode)mapping.Get("FunctionName")!).Get("Ref")!.Str);
        Assert.Equal(5, ((IntNode)mapping.Get("BatchSize")!).Value);
        Assert.False(((BoolNode)mapping.Get("Enabled")!).Value);
        Assert.NotNull(mapping.Get("FilterCriteria"));
        Assert.Contains("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole", ManagedPolicies(Properties(outcome, "FnRole")));
    }

    [Fact]
    public void KinesisOnFailureSqsDestinationGetsSendMessagePolicyAndLosesType()
    {
        var outcome = Run(Header + """
                  Events:
                    Stream:
                      Type: Kinesis
                      Properties:
                        Stream: arn:aws:kinesis:us-east-1:123456789012:stream/s
                        StartingPosition: LATEST
                        DestinationConfig:
                          OnFailure:
                            Type: SQS
                            Destination: arn:aws:sqs:us-east-1:123456789012:dlq
            """);

        var mapping = Properties(outcome, "FnStream");
        var onFailure = (MapNode)((MapNode)mapping.Get("DestinationConfig")!).Get("OnFailure")!;
        Assert.False(onFailure.ContainsKey("Type"));
        Assert.Equal("LATEST", mapping.Get("StartingPosition")!.Str);

        var role = Properties(outcome, "FnRole");
        Assert.Contains("arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole", ManagedPolicies(role));
        var statement = (MapNode)((SeqNode)((MapNode)Policy(role, "FnStreamSQSPolicy").Get("PolicyDocument")!).Get("Statement")!)[0];
        Assert.Equal("sqs:SendMessage", statement.Get("Action")!.Str);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:dlq", statement.Get("Resource")!.Str);
    }

    [Fact]
    public void MqEventGrantsBasicAuthSecretBrokerAndKmsKey()
    {
        var outcome = Run(Header + """
                  Events:
                    Broker:
                      Type: MQ
                      Properties:
                        Broker: arn:aws:mq:us-east-1:123456789012:broker:b
                        Queues: [q1]
                        SecretsManagerKmsKeyId: key-1
                        DynamicPolicyName: true
                        SourceAccessConfigurations:
                          - Type: BASIC_AUTH
                            URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:s
            """);

        var role = Properties(outcome, "FnRole");
        var statements = ((SeqNode)((MapNode)Policy(role, "FnBrokerAMQPolicy").Get("PolicyDocument")!).Get("Statement")!).Items.Cast<MapNode>().ToList();
        Assert.Equal("arn:aws:secretsmanager:us-east-1:123456789012:secret:s", statements[0].Get("Resource")!.Str);
        Assert.Equal("secretsmanager:GetSecretValue", ((SeqNode)statements[0].Get("Action")!)[0].Str);
        Assert.Equal("arn:aws:mq:us-east-1:123456789012:broker:b", statements[1].Get("Resource")!.Str);
        Assert.Equal("kms:Decrypt", statements[2].Get("Action")!.Str);
        Assert.Equal(
            "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/key-1",
            ((MapNode)statements[2].Get("Resource")!).Get("Fn::Sub")!.Str);
    }

    [Fact]
    public void MqPolicyKeepsHistoricalNameByDefault()
    {
        var outcome = Run(Header + """
                  Events:
                    Broker:
                      Type: MQ
                      Properties:
                        Broker: b
                        Queues: [q1]
                        SourceAccessConfigurations:
                          - Type: BASIC_AUTH
                            URI: s
            """);

        Assert.NotNull(Policy(Properties(outcome, "FnRole"), "SamAutoGeneratedAMQPolicy"));
    }

    [Fact]
    public void ExplicitRoleGetsNoPollerPolicy()
    {
        var outcome = Run(Header.Replace("InlineCode: \"x\"", "InlineCode: \"x\"\n      Role: arn:aws:iam::123456789012:role/mine", StringComparison.Ordinal) + """
                  Events:
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: arn:aws:sqs:us-east-1:123456789012:q
            """);

        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        var resources = (MapNode)outcome.Template!.Get("Resources")!;
        Assert.False(resources.ContainsKey("FnRole"));
        Assert.Equal("arn:aws:iam::123456789012:role/mine", Properties(outcome, "Fn").Get("Role")!.Str);
        Assert.DoesNotContain(resources.Values.Cast<MapNode>(), r => r.Get("Type")!.Str!.StartsWith("AWS::IAM::", StringComparison.Ordinal));
        Assert.DoesNotContain("AWSLambdaSQSQueueExecutionRole", outcome.Template!.ToString(), StringComparison.Ordinal);
        Assert.NotNull(Properties(outcome, "FnQueue").Get("EventSourceArn"));
    }

    [Fact]
    public void ExplicitRoleStillValidatesPollerSettings()
    {
        var outcome = Run(Header.Replace("InlineCode: \"x\"", "InlineCode: \"x\"\n      Role: arn:aws:iam::123456789012:role/mine", StringComparison.Ordinal) + """
                  Events:
                    Broker:
                      Type: MQ
                      Properties:
                        Broker: b
                        Queues: [q1]
            """);

        Assert.False(outcome.Succeeded);
        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. Event with id [Broker] is invalid. No SourceAccessConfigurations for Amazon MQ event provided.",
            outcome.ErrorMessage);
    }

    [Fact]
    public void InvalidDestinationTypeNamesTheEventLogicalId()
    {
        var outcome = Run(Header + """
                  Events:
                    Stream:
                      Type: DynamoDB
                      Properties:
                        Stream: s
                        StartingPosition: LATEST
                        DestinationConfig:
                          OnFailure:
                            Type: Lambda
                            Destination: d
            """);

        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. Event with id [FnStream] is invalid. The only valid values for 'Type' are 'SQS', 'SNS', 'S3', and 'Kafka'",
            outcome.ErrorMessage);
    }

    [Fact]
    public void MissingRequiredPropertyIsReportedForTheEventResource()
    {
        var outcome = Run(Header + """
                  Events:
                    Stream:
                      Type: Kinesis
                      Properties:
                        Stream: s
            """);

        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [FnStream] is invalid. Missing required property 'StartingPosition'.",
            outcome.ErrorMessage);
    }

    [Fact]
    public void SelfManagedKafkaGrantsAuthSecretAndVpcAccess()
    {
        var outcome = Run(Header + """
                  Events:
                    Kafka:
                      Type: SelfManagedKafka
                      Properties:
                        KafkaBootstrapServers: ["b1:9092"]
                        Topics: [t]
                        ConsumerGroupId: g
                        SourceAccessConfigurations:
                          - Type: SASL_SCRAM_512_AUTH
                            URI: secret-arn
                          - Type: VPC_SUBNET
                            URI: subnet:s1
                          - Type: VPC_SECURITY_GROUP
                            URI: security_group:g1
            """);

        var mapping = Properties(outcome, "FnKafka");
        Assert.False(mapping.ContainsKey("EventSourceArn"));
        Assert.Equal("g", ((MapNode)mapping.Get("SelfManagedKafkaEventSourceConfig")!).Get("ConsumerGroupId")!.Str);
        var document = (MapNode)Policy(Properties(outcome, "FnRole"), "SelfManagedKafkaExecutionRolePolicy").Get("PolicyDocument")!;
        var statements = ((SeqNode)document.Get("Statement")!).Items.Cast<MapNode>().ToList();
        Assert.Equal(2, statements.Count);
        Assert.Equal("secret-arn", statements[0].Get("Resource")!.Str);
        Assert.Equal("*", statements[1].Get("Resource")!.Str);
    }

    [Fact]
    public void MskGrantsSchemaRegistryCertificateAndS3Destination()
    {
        var outcome = Run(Header + """
                  Events:
                    Msk:
                      Type: MSK
                      Properties:
                        Stream: arn:aws:kafka:us-east-1:123456789012:cluster/c
                        StartingPosition: LATEST
                        Topics: [t]
                        SourceAccessConfigurations:
                          - Type: CLIENT_CERTIFICATE_TLS_AUTH
                            URI: cert-secret
                        SchemaRegistryConfig:
                          SchemaRegistryURI: arn:aws:glue:us-east-1:123456789012:registry/reg1
                          EventRecordFormat: JSON
                          SchemaValidationConfigs: []
                        DestinationConfig:
                          OnFailure:
                            Type: S3
                            Destination: arn:aws:s3:::failures
            """);

        var mapping = Properties(outcome, "FnMsk");
        Assert.NotNull(((MapNode)mapping.Get("AmazonManagedKafkaEventSourceConfig")!).Get("SchemaRegistryConfig"));
        var role = Properties(outcome, "FnRole");
        Assert.Contains("arn:aws:iam::aws:policy/service-role/AWSLambdaMSKExecutionRole", ManagedPolicies(role));

        var msk = ((SeqNode)((MapNode)Policy(role, "MSKExecutionRolePolicy").Get("PolicyDocument")!).Get("Statement")!).Items.Cast<MapNode>().ToList();
        Assert.Equal(["glue:GetRegistry", "glue:GetSchemaVersion", "secretsmanager:GetSecretValue"], msk.Select(m => ((SeqNode)m.Get("Action")!)[0].Str!));
        var schemaVersions = (MapNode)((SeqNode)msk[1].Get("Resource")!)[0];
        Assert.Equal("arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:schema/reg1/*", schemaVersions.Get("Fn::Sub")!.Str);

        var s3 = ((SeqNode)((MapNode)Policy(role, "FnMskS3Policy").Get("PolicyDocument")!).Get("Statement")!).Items.Cast<MapNode>().ToList();
        Assert.Equal(["s3:PutObject", "s3:ListBucket"], s3.Select(m => m.Get("Action")!.Str!));
        Assert.Equal("arn:aws:s3:::failures", s3[1].Get("Resource")!.Str);
    }
}
