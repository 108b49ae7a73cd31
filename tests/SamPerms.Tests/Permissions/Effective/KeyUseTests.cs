using SamPerms.Diagnostics;
using SamPerms.Tests.Validation;

namespace SamPerms.Tests.Permissions.Effective;

/// <summary>
/// What each use of a resource encrypted with a customer managed key needs on the key, from the services' own
/// documentation: S3 SSE-KMS ("to download an object: kms:Decrypt; to upload: kms:GenerateDataKey"); SNS ("a
/// publisher needs kms:GenerateDataKey* and kms:Decrypt", and an AWS service publishing to an encrypted topic needs
/// them in the key policy for its service principal); SQS (producers kms:GenerateDataKey and kms:Decrypt); DynamoDB
/// with a customer managed key (kms:Decrypt to use the table key); Secrets Manager (GetSecretValue: kms:Decrypt).
/// Both the role's IAM policy and the key policy must allow it (KMS key policies).
/// </summary>
public sealed class KeyUseTests
{
    private static string Template(string resources, string policies) => $$"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Key:
            Type: AWS::KMS::Key
        {{resources}}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              Policies:
        {{policies}}

        """;

    private const string Bucket = """
          Files:
            Type: AWS::S3::Bucket
            Properties:
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault: {SSEAlgorithm: 'aws:kms', KMSMasterKeyID: !GetAtt Key.Arn}
        """;

    private const string Topic = """
          Alerts:
            Type: AWS::SNS::Topic
            Properties: {KmsMasterKeyId: !Ref Key}
        """;

    private const string KeyDecrypt = "        - KMSDecryptPolicy: {KeyId: !Ref Key}";

    [Fact]
    public void Reading_an_sse_kms_object_needs_kms_decrypt_reported_at_the_grant()
    {
        var yaml = Template(Bucket, "        - S3ReadPolicy: {BucketName: !Ref Files}");
        var d = Check.One(yaml, DiagnosticCatalog.KeyUseNotGranted);
        Assert.Equal(Check.LineOf(yaml, "S3ReadPolicy"), d.Span.Line);
        Assert.Contains($"Fn reads objects of Files, which is encrypted with the key Key (line {Check.LineOf(yaml, "KMSMasterKeyID")}), and needs kms:Decrypt on it: its role does not allow kms:Decrypt on Key", d.Message, StringComparison.Ordinal);
        Check.None(Template(Bucket, "        - S3ReadPolicy: {BucketName: !Ref Files}\n" + KeyDecrypt), DiagnosticCatalog.KeyUseNotGranted);
    }

    [Fact]
    public void An_encrypted_dead_letter_queue_is_reported_at_the_target_the_user_wrote()
    {
        // Lambda sends failed events to the dead-letter queue with the function's role (SAM adds sqs:SendMessage);
        // an encrypted queue also needs kms:GenerateDataKey and kms:Decrypt (SQS key management).
        const string dlq = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Key:
                Type: AWS::KMS::Key
              Dlq:
                Type: AWS::SQS::Queue
                Properties:
                  KmsMasterKeyId: !Ref Key
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://bucket/app.zip
                  DeadLetterQueue:
                    Type: SQS
                    TargetArn: !GetAtt Dlq.Arn
            {{POLICIES}}
            """;
        var yaml = dlq.Replace("{{POLICIES}}", "", StringComparison.Ordinal);
        var d = Check.One(yaml, DiagnosticCatalog.KeyUseNotGranted);
        Assert.Equal(Check.LineOf(yaml, "TargetArn"), d.Span.Line);
        var granted = dlq.Replace("{{POLICIES}}", "      Policies:\n        - Statement: [{Effect: Allow, Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: !GetAtt Key.Arn}]", StringComparison.Ordinal);
        Check.None(granted, DiagnosticCatalog.KeyUseNotGranted);
    }

    [Fact]
    public void Writing_an_sse_kms_object_needs_kms_generate_data_key()
    {
        var yaml = Template(Bucket, "        - S3WritePolicy: {BucketName: !Ref Files}\n" + KeyDecrypt);
        var d = Check.One(yaml, DiagnosticCatalog.KeyUseNotGranted);
        Assert.Contains("its role does not allow kms:GenerateDataKey on Key", d.Message, StringComparison.Ordinal);
        var granted = "        - S3WritePolicy: {BucketName: !Ref Files}\n        - Statement: [{Effect: Allow, Action: ['kms:GenerateDataKey'], Resource: !GetAtt Key.Arn}]";
        Check.None(Template(Bucket, granted), DiagnosticCatalog.KeyUseNotGranted);
    }

    [Fact]
    public void Publishing_to_an_encrypted_topic_needs_generate_data_key_and_decrypt()
    {
        var yaml = Template(Topic, "        - SNSPublishMessagePolicy: {TopicName: !GetAtt Alerts.TopicName}");
        var d = Check.One(yaml, DiagnosticCatalog.KeyUseNotGranted);
        Assert.Contains("needs kms:GenerateDataKey and kms:Decrypt on it", d.Message, StringComparison.Ordinal);
        var granted = "        - SNSPublishMessagePolicy: {TopicName: !GetAtt Alerts.TopicName}\n        - Statement: [{Effect: Allow, Action: ['kms:GenerateDataKey*', 'kms:Decrypt'], Resource: !GetAtt Key.Arn}]";
        Check.None(Template(Topic, granted), DiagnosticCatalog.KeyUseNotGranted);
    }

    [Fact]
    public void A_table_with_a_customer_managed_key_and_a_secret_need_kms_decrypt()
    {
        const string resources = """
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  BillingMode: PAY_PER_REQUEST
                  SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref Key}
              Token:
                Type: AWS::SecretsManager::Secret
                Properties: {KmsKeyId: !Ref Key}
            """;
        const string uses = "        - DynamoDBReadPolicy: {TableName: !Ref Orders}\n        - AWSSecretsManagerGetSecretValuePolicy: {SecretArn: !Ref Token}";
        var yaml = Template(resources, uses);
        var found = Check.Code(yaml, DiagnosticCatalog.KeyUseNotGranted);
        Assert.Equal(2, found.Count);
        Assert.Contains(found, d => d.Span.Line == Check.LineOf(yaml, "DynamoDBReadPolicy") && d.Message.Contains("items of Orders", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Span.Line == Check.LineOf(yaml, "AWSSecretsManagerGetSecretValuePolicy") && d.Message.Contains("the value of Token", StringComparison.Ordinal));
        Check.None(Template(resources, uses + "\n" + KeyDecrypt), DiagnosticCatalog.KeyUseNotGranted);
    }

    [Fact]
    public void A_role_grant_without_the_account_root_in_the_key_policy_is_not_enough()
    {
        var keyed = Template(Topic, "        - SNSPublishMessagePolicy: {TopicName: !GetAtt Alerts.TopicName}\n        - Statement: [{Effect: Allow, Action: ['kms:GenerateDataKey*', 'kms:Decrypt'], Resource: !GetAtt Key.Arn}]")
            .Replace("    Type: AWS::KMS::Key\n", "    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement: [{Effect: Allow, Principal: {AWS: 'arn:aws:iam::123456789012:user/admin'}, Action: 'kms:*', Resource: '*'}]\n", StringComparison.Ordinal);
        var d = Check.One(keyed, DiagnosticCatalog.KeyUseNotGranted);
        Assert.Contains("KMS is the exception", d.Message, StringComparison.Ordinal);
    }

    private static string Delivering(string keyPolicy, string sender) => $$"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Key:
            Type: AWS::KMS::Key
        {{keyPolicy}}
          Alerts:
            Type: AWS::SNS::Topic
            Properties: {KmsMasterKeyId: !Ref Key}
          Jobs:
            Type: AWS::SQS::Queue
            Properties: {KmsMasterKeyId: !Ref Key}
        {{sender}}

        """;

    private const string Rule = """
          Nightly:
            Type: AWS::Events::Rule
            Properties:
              ScheduleExpression: rate(1 day)
              Targets: [{Id: alerts, Arn: !Ref Alerts}]
        """;

    private const string RootOnly = """
            Properties:
              KeyPolicy:
                Statement:
                  - {Effect: Allow, Principal: {AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root'}, Action: 'kms:*', Resource: '*'}
        """;

    [Fact]
    public void A_service_delivering_into_an_encrypted_topic_needs_the_key_policy_to_name_it()
    {
        var yaml = Delivering("", Rule);
        var d = Check.One(yaml, DiagnosticCatalog.ServiceKeyNotAllowed);
        Assert.Equal(Check.LineOf(yaml, "Targets:"), d.Span.Line);
        Assert.Contains("default key policy", d.Message, StringComparison.Ordinal);

        // The account-root statement lets IAM principals of the account in, not a service.
        Assert.Contains("does not allow events.amazonaws.com", Check.One(Delivering(RootOnly, Rule), DiagnosticCatalog.ServiceKeyNotAllowed).Message, StringComparison.Ordinal);

        var serviceAllowed = RootOnly + "\n              - {Effect: Allow, Principal: {Service: events.amazonaws.com}, Action: ['kms:GenerateDataKey*', 'kms:Decrypt'], Resource: '*'}";
        Check.None(Delivering(serviceAllowed, Rule), DiagnosticCatalog.ServiceKeyNotAllowed);
    }

    [Fact]
    public void S3_notifications_and_sns_subscriptions_into_an_encrypted_queue_are_checked()
    {
        const string senders = """
              Uploads:
                Type: AWS::S3::Bucket
                Properties:
                  NotificationConfiguration:
                    QueueConfigurations: [{Event: 's3:ObjectCreated:*', Queue: !GetAtt Jobs.Arn}]
              Feed:
                Type: AWS::SNS::Subscription
                Properties: {Protocol: sqs, TopicArn: arn:aws:sns:us-east-1:123456789012:feed, Endpoint: !GetAtt Jobs.Arn}
            """;
        var found = Check.Code(Delivering("", senders), DiagnosticCatalog.ServiceKeyNotAllowed);
        Assert.Equal(2, found.Count);
        Assert.Contains(found, d => d.Message.Contains("S3 event notifications Uploads delivers into Jobs", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Message.Contains("The SNS subscription Feed delivers into Jobs", StringComparison.Ordinal));
        var both = RootOnly + "\n              - {Effect: Allow, Principal: {Service: [s3.amazonaws.com, sns.amazonaws.com]}, Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*'}";
        Check.None(Delivering(both, senders), DiagnosticCatalog.ServiceKeyNotAllowed);
    }
}
