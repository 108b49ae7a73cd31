using SamPerms.Diagnostics;
using SamPerms.Validation;

namespace SamPerms.Tests.Validation;

/// <summary>SP3109: a function invoked by a queue, topic, bucket or stream its own role may write to.</summary>
public sealed class RecursiveTriggerRuleTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Photos:
            Type: AWS::S3::Bucket
          Thumbs:
            Type: AWS::S3::Bucket
          Jobs:
            Type: AWS::SQS::Queue
          Alerts:
            Type: AWS::SNS::Topic
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              KeySchema: [{AttributeName: id, KeyType: HASH}]
              StreamSpecification: {StreamViewType: NEW_IMAGE}
          Stream:
            Type: AWS::Kinesis::Stream
            Properties: {ShardCount: 1}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://b/k.zip
              Handler: a.b
              Runtime: python3.12
              Policies:
                - S3CrudPolicy: {BucketName: !Ref Photos}
                - SQSSendMessagePolicy: {QueueName: !GetAtt Jobs.QueueName}
                - SNSPublishMessagePolicy: {TopicName: !GetAtt Alerts.TopicName}
                - DynamoDBCrudPolicy: {TableName: !Ref Table}
                - KinesisCrudPolicy: {StreamName: !Ref Stream}
              Events:
                Upload:
                  Type: S3
                  Properties: {Bucket: !Ref Photos, Events: 's3:ObjectCreated:*'}
                Work:
                  Type: SQS
                  Properties: {Queue: !GetAtt Jobs.Arn}
                Alert:
                  Type: SNS
                  Properties: {Topic: !Ref Alerts}
                Changes:
                  Type: DynamoDB
                  Properties: {Stream: !GetAtt Table.StreamArn, StartingPosition: LATEST}
                Records:
                  Type: Kinesis
                  Properties: {Stream: !GetAtt Stream.Arn, StartingPosition: LATEST}
        """;

    private static List<Diagnostic> Findings(string yaml) =>
        [.. Check.All(yaml).Where(d => d.Code == DiagnosticCatalog.RecursiveTrigger)];

    [Fact]
    public void Each_event_source_the_role_may_write_to_is_reported_at_its_event()
    {
        var found = Findings(Template);
        Assert.Equal(
            [
                "Fn is invoked by bucket Photos, and its role may s3:PutObject there (Fn.Policies[0])",
                "Fn is invoked by queue Jobs, and its role may sqs:SendMessage there (Fn.Policies[1])",
                "Fn is invoked by topic Alerts, and its role may sns:Publish there (Fn.Policies[2])",
                "Fn is invoked by the stream of table Table, and its role may dynamodb:PutItem there (Fn.Policies[3])",
                "Fn is invoked by stream Stream, and its role may kinesis:PutRecord there (Fn.Policies[4])",
            ],
            found.Select(d => d.Message[..d.Message.IndexOf(':', d.Message.IndexOf(')', StringComparison.Ordinal))]));
        Assert.Equal(Check.LineOf(Template, "Upload:"), found[0].Line);
        Assert.All(found, d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [Fact]
    public void Writing_elsewhere_is_fine()
    {
        // Thumbnails go to another bucket; the table is only read; nothing is sent to the queue, topic or stream.
        string[] dropped = ["SQSSendMessagePolicy", "SNSPublishMessagePolicy", "KinesisCrudPolicy"];
        var elsewhere = string.Join('\n', Template.Split('\n').Where(line => !dropped.Any(d => line.Contains(d, StringComparison.Ordinal))))
            .Replace("S3CrudPolicy: {BucketName: !Ref Photos}", "S3CrudPolicy: {BucketName: !Ref Thumbs}", StringComparison.Ordinal)
            .Replace("DynamoDBCrudPolicy: {TableName: !Ref Table}", "DynamoDBReadPolicy: {TableName: !Ref Table}", StringComparison.Ordinal);
        Assert.NotEqual(Template, elsewhere);
        var all = Check.All(elsewhere);
        Assert.DoesNotContain(all, d => d.Severity == Severity.Error);
        Assert.DoesNotContain(all, d => d.Code == DiagnosticCatalog.RecursiveTrigger);
    }
}
