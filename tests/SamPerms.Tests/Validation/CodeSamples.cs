using System.Text;
using SamPerms.Diagnostics;
using SamPerms.Validation;
using SamPerms.Yaml;

namespace SamPerms.Tests.Validation;

/// <summary>For every code of the catalog, a template that produces it (the meta-test checks none is missing).</summary>
public static class CodeSamples
{
    private static string WithFunction(string properties) => Check.Function + properties;

    private static string Statement(string statement) => Check.Function.TrimEnd() + "\n      Policies:\n        - Statement:\n" + statement;

    public static readonly IReadOnlyList<CodeSample> All =
    [
        Text(DiagnosticCatalog.YamlSyntax, "Resources: [\n"),
        Text(DiagnosticCatalog.DuplicateKey, "Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SNS::Topic\n"),
        Text(DiagnosticCatalog.UnknownTag, "Resources:\n  A:\n    Type: !Reff X\n"),
        new(DiagnosticCatalog.InvalidEncoding, Encoding.UTF8.GetBytes("Resources:\n  A: x").Concat(new byte[] { 0xFF, 0x0A }).ToArray()),
        new(DiagnosticCatalog.DocumentTooLarge, Check.Utf8(Check.Function), new ReaderLimits(MaxBytes: 16)),
        Text(DiagnosticCatalog.NestingTooDeep, "Resources: " + new string('[', 300) + new string(']', 300) + "\n"),
        Text(DiagnosticCatalog.NotATemplate, "- a\n- b\n"),
        new(DiagnosticCatalog.UnreadableFile, [], UnreadableBecause: "no such file"),
        Text(DiagnosticCatalog.UnknownSuppression, Check.Function.TrimEnd() + "\n    Metadata:\n      SamPerms:\n        Ignore: [SP3016]\n"),
        Text(DiagnosticCatalog.UnusedSuppression, "Metadata:\n  SamPerms:\n    Ignore: [SP3106]\n" + Check.Function),
        Text(DiagnosticCatalog.WrongType, Check.Function + "  Topic:\n    Type: AWS::SNS::Topic\n    DependsOn: {Fn: yes}\n"),
        Text(DiagnosticCatalog.SamTransformError, Check.Function.Replace("s3://bucket/app.zip", "not-an-s3-uri", StringComparison.Ordinal)),
        Text(DiagnosticCatalog.DeployTimeValue, "Transform: AWS::Serverless-2016-10-31\nParameters:\n  AliasName: {Type: String}\n" + Check.Function[(Check.Function.IndexOf('\n') + 1)..].TrimEnd() + "\n      AutoPublishAlias: !Ref AliasName\n"),
        Text(DiagnosticCatalog.OfflineApplication, Check.Function + "  App:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location:\n        ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/app\n        SemanticVersion: 1.0.0\n"),
        Text(DiagnosticCatalog.LanguageExtensionError, "Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources:\n  Fn::ForEach::Topics:\n    - Name\n    - !GetAtt Somewhere.Names\n    - Topic${Name}:\n        Type: AWS::SNS::Topic\n"),
        Text(DiagnosticCatalog.UnknownSamType, Check.Function + "  Table:\n    Type: AWS::Serverless::Tabel\n"),
        Text(DiagnosticCatalog.UnknownSamProperty, Check.Function.TrimEnd() + "\n      Timout: 3\n"),
        Text(DiagnosticCatalog.SamPropertyType, Check.Function.TrimEnd() + "\n      Tags: [a, b]\n"),
        Text(DiagnosticCatalog.UnknownEventType, Check.Function.TrimEnd() + "\n      Events:\n        Q:\n          Type: SQSS\n          Properties: {Queue: arn:aws:sqs:us-east-1:123456789012:q}\n"),
        Text(DiagnosticCatalog.RefTargetMissing, Check.Function.TrimEnd() + "\n      Environment:\n        Variables:\n          TABLE: !Ref Tabel\n"),
        Text(DiagnosticCatalog.GetAttTargetMissing, Check.Function.TrimEnd() + "\n      Environment:\n        Variables:\n          TABLE: !GetAtt Tabel.Arn\n"),
        Text(DiagnosticCatalog.SubVariableMissing, Check.Function.TrimEnd() + "\n      Environment:\n        Variables:\n          URL: !Sub https://${Hostname}/x\n"),
        Text(DiagnosticCatalog.DependsOnMissing, Check.Function + "  Topic:\n    Type: AWS::SNS::Topic\n    DependsOn: Fnn\n"),
        Text(DiagnosticCatalog.ConditionMissing, Check.Function + "  Topic:\n    Type: AWS::SNS::Topic\n    Condition: IsProd\n"),
        Text(DiagnosticCatalog.UnknownService, Statement("            - Effect: Allow\n              Action: s4:GetObject\n              Resource: '*'\n")),
        Text(DiagnosticCatalog.UnknownAction, Statement("            - Effect: Allow\n              Action: s3:GetObjekt\n              Resource: '*'\n")),
        Text(DiagnosticCatalog.WildcardMatchesNothing, Statement("            - Effect: Allow\n              Action: s3:Get*Objekt\n              Resource: '*'\n")),
        Text(DiagnosticCatalog.MalformedArn, Statement("            - Effect: Allow\n              Action: s3:GetObject\n              Resource: my-bucket/*\n")),
        Text(DiagnosticCatalog.MalformedAction, Statement("            - Effect: Allow\n              Action: s*:GetObject\n              Resource: '*'\n")),
        Text(DiagnosticCatalog.InvalidEffect, Statement("            - Effect: allow\n              Action: s3:GetObject\n              Resource: '*'\n")),
        Text(DiagnosticCatalog.UnknownPolicyTemplate, Check.Function.TrimEnd() + "\n      Policies:\n        - SQSPolerPolicy:\n            QueueName: q\n"),
        Text(DiagnosticCatalog.UnknownManagedPolicy, Check.Function.TrimEnd() + "\n      Policies:\n        - AmazonS3FullAcess\n"),
        Text(DiagnosticCatalog.MissingTemplateParameters, Check.Function.TrimEnd() + "\n      Policies:\n        - S3ReadPolicy: {}\n"),
        Text(DiagnosticCatalog.AllActionsOnAllResources, Statement("            - Effect: Allow\n              Action: '*'\n              Resource: '*'\n")),
        Text(DiagnosticCatalog.AssumeRoleOnAnyRole, Statement("            - Effect: Allow\n              Action: sts:AssumeRole\n              Resource: '*'\n")),
        Text(DiagnosticCatalog.DuplicateStatement, Statement("            - Effect: Allow\n              Action: s3:GetObject\n              Resource: arn:aws:s3:::b/*\n            - Effect: Allow\n              Action: s3:GetObject\n              Resource: arn:aws:s3:::b/*\n")),
        Text(DiagnosticCatalog.UnknownServicePrincipal, Check.Function + "  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {Service: lamda.amazonaws.com}\n            Action: sts:AssumeRole\n"),
        Text(DiagnosticCatalog.ActionNotOnResource, Statement("            - Effect: Allow\n              Action: s3:GetObject\n              Resource: arn:aws:s3:::b\n")),
        Text(DiagnosticCatalog.BucketPolicyActionNotOnResource, Check.Function + "  Bucket:\n    Type: AWS::S3::Bucket\n  BucketPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {AWS: arn:aws:iam::123456789012:root}\n            Action: s3:GetObject\n            Resource: !GetAtt Bucket.Arn\n"),
        Text(DiagnosticCatalog.UnknownConditionOperator, Statement("            - Effect: Allow\n              Action: s3:GetObject\n              Resource: arn:aws:s3:::b/*\n              Condition:\n                StringEqual: {aws:SourceAccount: '123456789012'}\n")),
        Text(DiagnosticCatalog.UnknownConditionKey, Statement("            - Effect: Allow\n              Action: s3:GetObject\n              Resource: arn:aws:s3:::b/*\n              Condition:\n                StringEquals: {aws:SourceAcount: '123456789012'}\n")),
        Text(DiagnosticCatalog.ConditionKeyOfOtherService, Statement("            - Effect: Allow\n              Action: dynamodb:GetItem\n              Resource: arn:aws:dynamodb:us-east-1:123456789012:table/t\n              Condition:\n                StringLike: {s3:prefix: 'home/*'}\n")),
        Text(DiagnosticCatalog.ConditionOperatorType, Statement("            - Effect: Allow\n              Action: s3:GetObject\n              Resource: arn:aws:s3:::b/*\n              Condition:\n                StringEquals: {aws:SourceIp: 203.0.113.0/24}\n")),
        Text(DiagnosticCatalog.PassRoleOnAnyRole, Statement("            - Effect: Allow\n              Action: iam:PassRole\n              Resource: '*'\n")),
        Text(DiagnosticCatalog.NotActionOrNotResourceAllow, Statement("            - Effect: Allow\n              NotAction: iam:*\n              Resource: '*'\n")),
        Text(DiagnosticCatalog.InvokeWithoutSourceArn, Check.Function + "  Invoke:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: !Ref Fn\n      Principal: s3.amazonaws.com\n"),
        Text(DiagnosticCatalog.PublicPrincipal, Check.Function + "  Queue:\n    Type: AWS::SQS::Queue\n  QueuePolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Queue]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: '*'\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n"),
        Text(DiagnosticCatalog.PublicFunctionUrl, Check.Function.TrimEnd() + "\n      FunctionUrlConfig:\n        AuthType: NONE\n"),
        Text(DiagnosticCatalog.PollerWithExplicitRole, Check.Function.TrimEnd() + "\n      Role: !GetAtt AppRole.Arn\n      Events:\n        Jobs:\n          Type: SQS\n          Properties:\n            Queue: arn:aws:sqs:us-east-1:123456789012:jobs\n  AppRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {Service: lambda.amazonaws.com}\n            Action: sts:AssumeRole\n"),
        new(DiagnosticCatalog.LocalArtifactMissing, Check.Utf8(Check.Function.Replace("s3://bucket/app.zip", "no-such-folder-3f1c/", StringComparison.Ordinal)), TemplateDirectory: AppContext.BaseDirectory),
        Text(DiagnosticCatalog.UnknownResourceType, Check.Function + "  Bucket:\n    Type: AWS::S3::Buckt\n"),
        Text(DiagnosticCatalog.UnknownResourceProperty, Check.Function + "  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: {BucketNam: b}\n"),
        Text(DiagnosticCatalog.MissingRequiredProperty, Check.Function + "  Table:\n    Type: AWS::DynamoDB::Table\n    Properties: {AttributeDefinitions: []}\n"),
        Text(DiagnosticCatalog.PropertyValueKind, Check.Function + "  Queue:\n    Type: AWS::SQS::Queue\n    Properties: {Tags: {team: a}}\n"),
        Text(DiagnosticCatalog.PropertyValueNotAllowed, Check.Function + "  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: {AccessControl: PublicReed}\n"),
        Text(DiagnosticCatalog.UnknownGetAttAttribute, Check.Function.TrimEnd() + "\n      Environment:\n        Variables:\n          Q: !GetAtt Queue.Url\n  Queue:\n    Type: AWS::SQS::Queue\n"),
        Text(DiagnosticCatalog.RecursiveTrigger, Check.Function.Replace("Resources:\n", "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n", StringComparison.Ordinal).TrimEnd()
            + "\n      Policies:\n        - SQSSendMessagePolicy: {QueueName: !GetAtt Jobs.QueueName}\n      Events:\n        Work:\n          Type: SQS\n          Properties: {Queue: !GetAtt Jobs.Arn}\n"),
        Text(DiagnosticCatalog.OpenApiRoute, Check.Function.TrimEnd() + "\n      Events:\n        Hello:\n          Type: Api\n          Properties:\n            Path: /hello\n            Method: get\n"),
        Text(DiagnosticCatalog.OutsideBoundary, Check.Function.TrimEnd() + "\n      PermissionsBoundary: arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess\n      Policies:\n        - SQSPollerPolicy: {QueueName: jobs}\n"),
        Text(DiagnosticCatalog.PoliciesIgnored, Check.Function.TrimEnd() + "\n      Role: arn:aws:iam::123456789012:role/app\n      Policies:\n        - S3ReadPolicy: {BucketName: b}\n"),
        Text(DiagnosticCatalog.NamedResourceNotGranted, Check.Function.Replace("Resources:\n", "Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n", StringComparison.Ordinal).TrimEnd() + "\n      Environment:\n        Variables:\n          TABLE: !Ref Orders\n"),
        Text(DiagnosticCatalog.DeliveryNotGranted, Check.Function.Replace("Resources:\n", "Resources:\n  Dlq:\n    Type: AWS::SQS::Queue\n  AppRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}\n", StringComparison.Ordinal).TrimEnd()
            + "\n      Role: !GetAtt AppRole.Arn\n      DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt Dlq.Arn}\n"),
        Text(DiagnosticCatalog.KeyNotUsable, Check.Function.Replace("Resources:\n", "Resources:\n  Key:\n    Type: AWS::KMS::Key\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties: {KmsMasterKeyId: !Ref Key}\n", StringComparison.Ordinal).TrimEnd()
            + "\n      Events:\n        Work:\n          Type: SQS\n          Properties: {Queue: !GetAtt Jobs.Arn}\n"),
        Text(DiagnosticCatalog.ResourcePolicyDenies, Check.Function.TrimEnd() + "\n      Policies: [S3ReadPolicy: {BucketName: !Ref Files}]\n  Files:\n    Type: AWS::S3::Bucket\n  FilesPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Files\n      PolicyDocument:\n        Statement: [{Effect: Deny, Principal: '*', Action: 's3:*', Resource: !Sub '${Files.Arn}/*'}]\n"),
        Text(DiagnosticCatalog.KeyPolicyExcludesRole, Check.Function.TrimEnd() + "\n      Policies: [KMSDecryptPolicy: {KeyId: !Ref Key}]\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement: [{Effect: Allow, Principal: {AWS: 'arn:aws:iam::123456789012:user/admin'}, Action: 'kms:*', Resource: '*'}]\n"),
        Text(DiagnosticCatalog.KeyUseNotGranted, Check.Function.TrimEnd() + "\n      Policies: [SNSPublishMessagePolicy: {TopicName: !GetAtt Alerts.TopicName}]\n  Key:\n    Type: AWS::KMS::Key\n  Alerts:\n    Type: AWS::SNS::Topic\n    Properties: {KmsMasterKeyId: !Ref Key}\n"),
        Text(DiagnosticCatalog.ServiceKeyNotAllowed, Check.Function + "  Key:\n    Type: AWS::KMS::Key\n  Alerts:\n    Type: AWS::SNS::Topic\n    Properties: {KmsMasterKeyId: !Ref Key}\n  Nightly:\n    Type: AWS::Events::Rule\n    Properties:\n      ScheduleExpression: rate(1 day)\n      Targets: [{Id: alerts, Arn: !Ref Alerts}]\n"),
        Text(DiagnosticCatalog.CrossAccountTrust, Check.Function + "  Shared:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement: [{Effect: Allow, Principal: {AWS: 'arn:aws:iam::999999999999:root'}, Action: sts:AssumeRole}]\n"),
        Text(DiagnosticCatalog.WorkflowTaskNotGranted, "Transform: AWS::Serverless-2016-10-31\nResources:\n  Orders:\n    Type: AWS::Serverless::SimpleTable\n  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: Save\n        States:\n          Save: {Type: Task, Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: {TableName: !Ref Orders}, End: true}\n      Policies: []\n"),
    ];

    public static IEnumerable<object[]> Cases => All.Select(s => new object[] { s });

    private static CodeSample Text(string code, string yaml) => new(code, Check.Utf8(yaml));
}
