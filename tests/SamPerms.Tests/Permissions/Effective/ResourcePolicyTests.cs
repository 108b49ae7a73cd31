using SamPerms.Diagnostics;
using SamPerms.Output;
using SamPerms.Permissions;
using SamPerms.Permissions.Intent;
using SamPerms.Tests.Validation;

namespace SamPerms.Tests.Permissions.Effective;

/// <summary>
/// Resource-based policies as the IAM User Guide's "Policy evaluation logic" describes them within one account: an
/// explicit Deny in any policy overrides every Allow; a resource-based policy's Allow for the principal is enough on
/// its own, without an identity-based policy; a Principal naming the account (its root) hands the decision to the
/// account's IAM policies. AWS KMS Developer Guide, "Key policies": "Unless the key policy explicitly allows it, you
/// cannot use IAM policies to allow access to a KMS key" — the account-root statement is what lets them count.
/// </summary>
public sealed class ResourcePolicyTests
{
    private static string Bucket(string statements, string policies = "\n        - S3CrudPolicy: {BucketName: !Ref Files}") => $$"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Files:
            Type: AWS::S3::Bucket
          FilesPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Files
              PolicyDocument:
                Statement:
        {{statements}}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              Policies: {{policies}}

        """;

    private const string DenyDelete = """
                  - Effect: Deny
                    Principal: '*'
                    Action: s3:DeleteObject
                    Resource: !Sub '${Files.Arn}/*'
        """;

    private const string Object = "arn:aws:s3:::${Files}/report.csv";

    [Fact]
    public void An_explicit_deny_in_the_bucket_policy_overrides_the_roles_allow()
    {
        var yaml = Bucket(DenyDelete);
        var answer = Effective.Can(yaml, "Fn", "s3:DeleteObject", Object);
        Assert.Equal(AccessVerdict.NotAllowed, answer.Verdict);
        Assert.Equal($"allowed by Policies[0] (line {Check.LineOf(yaml, "S3CrudPolicy")}) but denied by the bucket policy FilesPolicy (line {Check.LineOf(yaml, "Effect: Deny")})", answer.Reason);
        Assert.Equal(AccessVerdict.Allowed, Effective.Can(yaml, "Fn", "s3:GetObject", Object).Verdict);
    }

    [Fact]
    public void Validate_warns_at_the_deny_and_not_without_it()
    {
        var yaml = Bucket(DenyDelete);
        var d = Check.One(yaml, DiagnosticCatalog.ResourcePolicyDenies);
        Assert.Equal(Check.LineOf(yaml, "Effect: Deny"), d.Span.Line);
        Assert.Contains($"S3CrudPolicy of Fn (line {Check.LineOf(yaml, "S3CrudPolicy")})", d.Message, StringComparison.Ordinal);

        var allowOnly = Bucket("""
                  - Effect: Allow
                    Principal: {AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root'}
                    Action: s3:GetObject
                    Resource: !Sub '${Files.Arn}/*'
        """);
        Check.None(allowOnly, DiagnosticCatalog.ResourcePolicyDenies);
        Assert.Equal(AccessVerdict.Allowed, Effective.Can(allowOnly, "Fn", "s3:DeleteObject", Object).Verdict);
    }

    [Fact]
    public void The_usual_deny_of_insecure_transport_does_not_apply_to_sdk_calls()
    {
        // The SDKs call AWS over HTTPS: aws:SecureTransport is true, so a Deny under "aws:SecureTransport": false never applies.
        var yaml = Bucket("""
                  - Effect: Deny
                    Principal: '*'
                    Action: 's3:*'
                    Resource: [!GetAtt Files.Arn, !Sub '${Files.Arn}/*']
                    Condition: {Bool: {'aws:SecureTransport': false}}
        """);
        Assert.Equal(AccessVerdict.Allowed, Effective.Can(yaml, "Fn", "s3:PutObject", Object).Verdict);
        Check.None(yaml, DiagnosticCatalog.ResourcePolicyDenies);
    }

    [Fact]
    public void A_deny_under_a_condition_known_only_at_run_time_is_cannot_tell_and_no_warning()
    {
        var yaml = Bucket("""
                  - Effect: Deny
                    Principal: '*'
                    Action: 's3:*'
                    Resource: !Sub '${Files.Arn}/*'
                    Condition: {StringNotEquals: {'aws:SourceVpce': vpce-1a2b3c4d}}
        """);
        var answer = Effective.Can(yaml, "Fn", "s3:GetObject", Object);
        Assert.Equal(AccessVerdict.Unverifiable, answer.Verdict);
        Assert.Contains("denies it under a condition", answer.Reason, StringComparison.Ordinal);
        Check.None(yaml, DiagnosticCatalog.ResourcePolicyDenies);
        var text = PermissionsText.Write(Effective.Map(yaml), "template.yaml");
        Assert.Contains("cannot tell before deploy: the bucket policy FilesPolicy denies it under a condition", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deny_for_another_principal_does_not_block_the_role()
    {
        var yaml = Bucket("""
                  - Effect: Deny
                    Principal: {AWS: arn:aws:iam::123456789012:role/auditor}
                    Action: 's3:*'
                    Resource: !Sub '${Files.Arn}/*'
        """);
        Assert.Equal(AccessVerdict.Allowed, Effective.Can(yaml, "Fn", "s3:DeleteObject", Object).Verdict);
        Check.None(yaml, DiagnosticCatalog.ResourcePolicyDenies);
    }

    [Fact]
    public void A_deny_naming_the_role_blocks_it()
    {
        var yaml = Bucket("""
                  - Effect: Deny
                    Principal: {AWS: !GetAtt FnRole.Arn}
                    Action: 's3:*'
                    Resource: [!GetAtt Files.Arn, !Sub '${Files.Arn}/*']
        """);
        Assert.Equal(AccessVerdict.NotAllowed, Effective.Can(yaml, "Fn", "s3:GetObject", Object).Verdict);
        var map = Effective.Map(yaml);
        var text = PermissionsText.Write(map, "template.yaml");
        Assert.Contains("blocked: denied by the bucket policy FilesPolicy", text, StringComparison.Ordinal);
        Assert.Contains("Blocked by bucket policy", PermissionsMermaid.Write(map), StringComparison.Ordinal);
        var json = PermissionsJson.Write(map, "template.yaml", "us-east-1", "aws");
        Assert.Contains("\"resourcePolicy\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ruling\": \"denied\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_queue_policy_allow_naming_the_role_is_enough_within_the_account_but_the_account_root_is_not()
    {
        static string Queue(string principal) => $$"""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
              JobsPolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [!Ref Jobs]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {AWS: {{principal}}}
                        Action: sqs:SendMessage
                        Resource: !GetAtt Jobs.Arn
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://bucket/app.zip

            """;
        var named = Queue("!GetAtt FnRole.Arn");
        var answer = Effective.Can(named, "Fn", "sqs:SendMessage", "${Jobs.Arn}");
        Assert.Equal(AccessVerdict.Allowed, answer.Verdict);
        Assert.Contains("allowed by the queue policy JobsPolicy", answer.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(IntentDiff.Run(Effective.Map(named), IntentFor("sqs:SendMessage", "${Jobs.Arn}")).Findings, f => f.Kind == FindingKind.Missing);

        var root = Queue("!Sub 'arn:aws:iam::${AWS::AccountId}:root'");
        Assert.Equal(AccessVerdict.NotAllowed, Effective.Can(root, "Fn", "sqs:SendMessage", "${Jobs.Arn}").Verdict);
        Assert.Single(IntentDiff.Run(Effective.Map(root), IntentFor("sqs:SendMessage", "${Jobs.Arn}")).Findings, f => f.Kind == FindingKind.Missing);
    }

    [Fact]
    public void The_intent_check_counts_a_declared_action_a_resource_policy_denies_as_missing()
    {
        var map = Effective.Map(Bucket(DenyDelete));
        var finding = Assert.Single(IntentDiff.Run(map, IntentFor("s3:DeleteObject", Object)).Findings, f => f.Kind == FindingKind.Missing);
        Assert.Contains("denied by the bucket policy FilesPolicy", finding.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(IntentDiff.Run(map, IntentFor("s3:GetObject", Object)).Findings, f => f.Kind == FindingKind.Missing);
    }

    [Fact]
    public void Topic_and_secret_policies_deny_too()
    {
        const string yaml = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Alerts:
                Type: AWS::SNS::Topic
              AlertsPolicy:
                Type: AWS::SNS::TopicPolicy
                Properties:
                  Topics: [!Ref Alerts]
                  PolicyDocument:
                    Statement: [{Effect: Deny, Principal: '*', Action: sns:Publish, Resource: !Ref Alerts}]
              Token:
                Type: AWS::SecretsManager::Secret
              TokenPolicy:
                Type: AWS::SecretsManager::ResourcePolicy
                Properties:
                  SecretId: !Ref Token
                  ResourcePolicy:
                    Statement: [{Effect: Deny, Principal: {AWS: '*'}, Action: 'secretsmanager:*', Resource: '*'}]
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://bucket/app.zip
                  Policies:
                    - SNSPublishMessagePolicy: {TopicName: !GetAtt Alerts.TopicName}
                    - AWSSecretsManagerGetSecretValuePolicy: {SecretArn: !Ref Token}

            """;
        Assert.Equal(2, Check.Code(yaml, DiagnosticCatalog.ResourcePolicyDenies).Count);
        Assert.Contains("denied by the resource policy TokenPolicy", Effective.Can(yaml, "Fn", "secretsmanager:GetSecretValue", "${Token}").Reason, StringComparison.Ordinal);
    }

    private static string Key(string principal, string policies) => $$"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
                Statement:
                  - Effect: Allow
                    Principal: {AWS: {{principal}}}
                    Action: 'kms:*'
                    Resource: '*'
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              Policies: {{policies}}

        """;

    private const string Decrypt = "[KMSDecryptPolicy: {KeyId: !Ref Key}]";

    [Fact]
    public void A_key_policy_without_the_account_root_lets_no_iam_grant_count()
    {
        var yaml = Key("arn:aws:iam::123456789012:user/admin", Decrypt);
        var answer = Effective.Can(yaml, "Fn", "kms:Decrypt", "${Key.Arn}");
        Assert.Equal(AccessVerdict.NotAllowed, answer.Verdict);
        Assert.Contains("KMS is the exception to same-account access", answer.Reason, StringComparison.Ordinal);
        var d = Check.One(yaml, DiagnosticCatalog.KeyPolicyExcludesRole);
        Assert.Equal(Check.LineOf(yaml, "KeyPolicy:"), d.Span.Line);
    }

    [Theory]
    [InlineData("!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'")]
    [InlineData("!Ref AWS::AccountId")]
    public void With_the_account_root_statement_the_iam_grant_counts(string root)
    {
        var yaml = Key(root, Decrypt);
        Assert.Equal(AccessVerdict.Allowed, Effective.Can(yaml, "Fn", "kms:Decrypt", "${Key.Arn}").Verdict);
        Check.None(yaml, DiagnosticCatalog.KeyPolicyExcludesRole);
        Assert.Equal(AccessVerdict.NotAllowed, Effective.Can(Key(root, "[]"), "Fn", "kms:Decrypt", "${Key.Arn}").Verdict);
    }

    [Fact]
    public void A_key_policy_naming_the_role_allows_without_an_iam_grant()
    {
        var answer = Effective.Can(Key("!GetAtt FnRole.Arn", "[]"), "Fn", "kms:Decrypt", "${Key.Arn}");
        Assert.Equal(AccessVerdict.Allowed, answer.Verdict);
        Assert.Contains("allowed by the key policy of Key", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_policy_written_as_json_text_is_read_too()
    {
        var yaml = Key("'*'", Decrypt).Replace("""
              KeyPolicy:
                Statement:
                  - Effect: Allow
                    Principal: {AWS: '*'}
                    Action: 'kms:*'
                    Resource: '*'
        """, """
              KeyPolicy: '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/admin"}, "Action": "kms:*", "Resource": "*"}]}'
        """, StringComparison.Ordinal);
        Assert.Contains("KeyPolicy: '{", yaml, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(yaml, "KeyPolicy:"), Check.One(yaml, DiagnosticCatalog.KeyPolicyExcludesRole).Span.Line);
        Check.None(yaml.Replace("arn:aws:iam::123456789012:user/admin", "*", StringComparison.Ordinal), DiagnosticCatalog.KeyPolicyExcludesRole);
    }

    [Fact]
    public void A_deny_whose_principal_is_a_parameter_is_cannot_tell()
    {
        var yaml = "Parameters:\n  Auditor: {Type: String}\n" + Bucket("""
                  - Effect: Deny
                    Principal: {AWS: !Ref Auditor}
                    Action: 's3:*'
                    Resource: !Sub '${Files.Arn}/*'
        """);
        var answer = Effective.Can(yaml, "Fn", "s3:GetObject", Object);
        Assert.Equal(AccessVerdict.Unverifiable, answer.Verdict);
        Assert.Contains("known only at deploy", answer.Reason, StringComparison.Ordinal);
        Check.None(yaml, DiagnosticCatalog.ResourcePolicyDenies);
    }

    private static IntentDocument IntentFor(string action, string resource)
    {
        var where = new IntentLocation("intent.yaml", "intent", SamPerms.Text.SourceSpan.None);
        return new IntentDocument([new SubjectIntent("Fn", SubjectKind.Function, null,
            [new AllowIntent([new SamPerms.Model.StringNode(action)], [new SamPerms.Model.StringNode(resource)], null, where)], where)]);
    }
}
