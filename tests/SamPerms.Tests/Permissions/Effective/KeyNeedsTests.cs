using SamPerms.Diagnostics;
using SamPerms.Tests.Validation;

namespace SamPerms.Tests.Permissions.Effective;

/// <summary>
/// AWS Lambda, "Using Lambda with Amazon SQS": for a queue encrypted with a customer managed key the execution role
/// needs kms:Decrypt. AWS KMS, "Key policies": "Unless the key policy explicitly allows it, you cannot use IAM
/// policies to allow access to a KMS key"; the default key policy's account-root statement is what enables IAM
/// policies. So both the role's policy and the key policy must allow it.
/// </summary>
public sealed class KeyNeedsTests
{
    private static string Template(string principal, string policies) => $$"""
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
          Jobs:
            Type: AWS::SQS::Queue
            Properties:
              KmsMasterKeyId: !Ref Key
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              Policies: {{policies}}
              Events:
                Work:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Jobs.Arn

        """;

    private const string Root = "!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'";
    private const string Decrypt = "[KMSDecryptPolicy: {KeyId: !Ref Key}]";

    [Fact]
    public void Without_kms_decrypt_in_the_role_the_poller_cannot_read_the_queue()
    {
        var yaml = Template(Root, "[]");
        var d = Check.One(yaml, DiagnosticCatalog.KeyNotUsable);
        Assert.Equal(Check.LineOf(yaml, "Work:"), d.Span.Line);
        Assert.Contains("its role does not allow kms:Decrypt on Key", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_grant_and_root_statement_is_enough()
    {
        Check.None(Template(Root, Decrypt), DiagnosticCatalog.KeyNotUsable);
        Check.None(Template(Root, "[{Statement: [{Effect: Allow, Action: 'kms:Decrypt', Resource: !GetAtt Key.Arn}]}]"), DiagnosticCatalog.KeyNotUsable);
    }

    [Fact]
    public void Without_the_root_statement_the_iam_grant_alone_is_not_enough()
    {
        var d = Check.One(Template("arn:aws:iam::123456789012:user/admin", Decrypt), DiagnosticCatalog.KeyNotUsable);
        Assert.Contains("KMS is the exception", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_policy_naming_the_role_is_enough_without_an_iam_grant()
    {
        Check.None(Template("!GetAtt WorkerRole.Arn", "[]"), DiagnosticCatalog.KeyNotUsable);
    }

    [Fact]
    public void A_key_without_key_policy_gets_the_default_root_statement()
    {
        var yaml = Template(Root, Decrypt);
        var start = yaml.IndexOf("      KeyPolicy:", StringComparison.Ordinal);
        var end = yaml.IndexOf("  Jobs:", StringComparison.Ordinal);
        var noPolicy = yaml[..start] + yaml[end..];
        Check.None(noPolicy.Replace("    Type: AWS::KMS::Key\n    Properties:\n", "    Type: AWS::KMS::Key\n", StringComparison.Ordinal), DiagnosticCatalog.KeyNotUsable);
    }
}
