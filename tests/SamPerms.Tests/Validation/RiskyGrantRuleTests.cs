using SamPerms.Diagnostics;
using SamPerms.Validation;

namespace SamPerms.Tests.Validation;

public sealed class RiskyGrantRuleTests
{
    private static string Statement(string body) =>
        Check.Function.TrimEnd() + "\n      Policies:\n        - Statement:\n            - Effect: Allow\n" + body;

    [Fact]
    public void Everything_on_everything_is_a_warning_at_the_action()
    {
        var yaml = Statement("              Action: ['s3:*', 'sqs:SendMessage']\n              Resource: '*'\n");
        var d = Check.One(yaml, DiagnosticCatalog.AllActionsOnAllResources);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("every s3 action", d.Message, StringComparison.Ordinal);
        Assert.Equal("Resources.Fn.Properties.Policies[0].Statement[0].Action[0]", d.Path);
    }

    [Fact]
    public void Broad_actions_on_named_resources_or_denied_are_fine()
    {
        Check.None(Statement("              Action: 's3:*'\n              Resource: arn:aws:s3:::b/*\n"), DiagnosticCatalog.AllActionsOnAllResources);
        var deny = Check.Function.TrimEnd() + "\n      Policies:\n        - Statement:\n            - Effect: Deny\n              Action: '*'\n              Resource: '*'\n";
        Check.None(deny, DiagnosticCatalog.AllActionsOnAllResources);
    }

    [Fact]
    public void Aws_managed_policies_that_allow_everything_are_named()
    {
        var yaml = Check.Function.TrimEnd() + "\n      Policies:\n        - AmazonS3FullAccess\n";
        var d = Check.One(yaml, DiagnosticCatalog.AllActionsOnAllResources);
        Assert.Contains("AWS managed policy AmazonS3FullAccess on FnRole (generated from Fn) allows 's3:*'", d.Message, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(yaml, "AmazonS3FullAccess"), d.Line);
    }

    [Fact]
    public void PassRole_on_any_role()
    {
        Check.One(Statement("              Action: iam:PassRole\n              Resource: '*'\n"), DiagnosticCatalog.PassRoleOnAnyRole);
        Check.None(Statement("              Action: iam:PassRole\n              Resource: arn:aws:iam::123456789012:role/app\n"), DiagnosticCatalog.PassRoleOnAnyRole);
    }

    [Fact]
    public void Allow_with_NotAction_or_NotResource()
    {
        var d = Check.One(Statement("              Action: s3:GetObject\n              NotResource: arn:aws:s3:::secret/*\n"), DiagnosticCatalog.NotActionOrNotResourceAllow);
        Assert.Contains("NotResource", d.Message, StringComparison.Ordinal);
        var deny = Check.Function.TrimEnd() + "\n      Policies:\n        - Statement:\n            - Effect: Deny\n              NotAction: s3:GetObject\n              Resource: '*'\n";
        Check.None(deny, DiagnosticCatalog.NotActionOrNotResourceAllow);
    }

    [Fact]
    public void Service_invoke_without_source_arn()
    {
        const string Permission = "  Invoke:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: !Ref Fn\n      Principal: s3.amazonaws.com\n";
        var d = Check.One(Check.Function + Permission + "      SourceAccount: !Ref AWS::AccountId\n", DiagnosticCatalog.InvokeWithoutSourceArn);
        Assert.Contains("any resource of the account", d.Message, StringComparison.Ordinal);
        Assert.Contains("any AWS account", Check.One(Check.Function + Permission, DiagnosticCatalog.InvokeWithoutSourceArn).Message, StringComparison.Ordinal);
        Check.None(Check.Function + Permission + "      SourceArn: arn:aws:s3:::b\n", DiagnosticCatalog.InvokeWithoutSourceArn);
        Check.None(Check.Function + Permission.Replace("s3.amazonaws.com", "123456789012", StringComparison.Ordinal), DiagnosticCatalog.InvokeWithoutSourceArn);
    }

    [SkippableFact]
    public void Service_invoke_made_by_a_sam_event_names_the_event()
    {
        var yaml = Check.Function.TrimEnd() + "\n      Events:\n        Upload:\n          Type: S3\n          Properties:\n            Bucket: !Ref Bucket\n            Events: s3:ObjectCreated:*\n  Bucket:\n    Type: AWS::S3::Bucket\n";
        var all = Check.All(yaml);
        Skip.If(all.Any(x => x.Code == DiagnosticCatalog.SamTransformError), "the transform does not expand S3 events yet");
        var d = Assert.Single(all, x => x.Code == DiagnosticCatalog.InvokeWithoutSourceArn);
        Assert.Contains("the S3 event 'Upload' of Fn", d.Message, StringComparison.Ordinal);
        Assert.StartsWith("Resources.Fn.Properties.Events.Upload", d.Path, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(yaml, "Type: S3"), d.Line);

        // SAM cannot set a SourceArn on an S3 event: an info saying what SAM sets and what a hand-written permission adds.
        Assert.Equal(Severity.Info, d.Severity);
        Assert.Contains("SAM sets SourceAccount", d.Message, StringComparison.Ordinal);
        Assert.Contains("SourceArn set to the bucket's ARN", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_written_s3_permission_without_source_arn_stays_a_warning()
    {
        var yaml = Check.Function + "  Invoke:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: !Ref Fn\n      Principal: s3.amazonaws.com\n      SourceAccount: !Ref AWS::AccountId\n";
        var d = Check.One(yaml, DiagnosticCatalog.InvokeWithoutSourceArn);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(Check.LineOf(yaml, "Invoke:"), d.Line);
    }

    [Fact]
    public void Public_principal_in_resource_policies_unless_conditioned()
    {
        const string Policy = "  Queue:\n    Type: AWS::SQS::Queue\n  QueuePolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Queue]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {AWS: '*'}\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n";
        var d = Check.One(Check.Function + Policy, DiagnosticCatalog.PublicPrincipal);
        Assert.Equal(Check.LineOf(Check.Function + Policy, "Principal"), d.Line);
        Check.None(Check.Function + Policy + "            Condition: {ArnEquals: {aws:SourceArn: arn:aws:sns:us-east-1:123456789012:t}}\n", DiagnosticCatalog.PublicPrincipal);

        // A condition that does not narrow who may call leaves it public, and the message says so.
        var transport = Check.Function + Policy + "            Condition: {Bool: {aws:SecureTransport: 'true'}}\n";
        var t = Check.One(transport, DiagnosticCatalog.PublicPrincipal);
        Assert.Contains("aws:SecureTransport", t.Message, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(transport, "Principal"), t.Line);
    }

    private const string PrivateApi = """
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              Name: private
              EndpointConfiguration: {Types: [PRIVATE]}
              Policy:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Principal: '*'
                    Action: execute-api:Invoke
                    Resource: execute-api:/*
                  - Effect: Deny
                    Principal: '*'
                    Action: execute-api:Invoke
                    Resource: execute-api:/*
                    Condition:
                      StringNotEquals:
                        aws:SourceVpce: vpce-1a2b3c4d

        """;

    [Fact]
    public void A_deny_for_everyone_outside_a_vpc_endpoint_makes_the_allow_private()
    {
        var yaml = Check.Function + PrivateApi;
        Check.None(yaml, DiagnosticCatalog.PublicPrincipal);

        // Without the Deny (or with a Deny on other actions) the Allow is public again, reported at its Principal.
        var partial = yaml.Replace("      Action: execute-api:Invoke\n            Resource: execute-api:/*\n            Condition", "      Action: execute-api:ManageConnections\n            Resource: execute-api:/*\n            Condition", StringComparison.Ordinal);
        Assert.NotEqual(yaml, partial);
        var d = Check.One(partial, DiagnosticCatalog.PublicPrincipal);
        Assert.Equal(Check.LineOf(partial, "Principal: '*'"), d.Line);
    }

    [Fact]
    public void Function_url_without_auth()
    {
        var yaml = Check.Function.TrimEnd() + "\n      FunctionUrlConfig:\n        AuthType: NONE\n";
        var all = Check.All(yaml);
        var d = Assert.Single(all, x => x.Code == DiagnosticCatalog.PublicFunctionUrl);
        Assert.Equal(Check.LineOf(yaml, "AuthType"), d.Line);
        Assert.Equal("Resources.Fn.Properties.FunctionUrlConfig.AuthType", d.Path);
        Assert.DoesNotContain(all, x => x.Code == DiagnosticCatalog.PublicPrincipal);
        Check.None(yaml.Replace("NONE", "AWS_IAM", StringComparison.Ordinal), DiagnosticCatalog.PublicFunctionUrl);
    }

    private const string SqsEvent = "\n      Events:\n        Jobs:\n          Type: SQS\n          Properties:\n            Queue: arn:aws:sqs:us-east-1:123456789012:jobs\n";

    private static string WithRole(string statements) => Check.Function.TrimEnd() + "\n      Role: !GetAtt AppRole.Arn" + SqsEvent + """
          AppRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
              Policies:
                - PolicyName: app
                  PolicyDocument:
                    Statement:

        """ + statements;

    [Fact]
    public void Poller_on_a_function_whose_role_lacks_the_pollers_actions()
    {
        var yaml = WithRole("              - Effect: Allow\n                Action: sqs:ReceiveMessage\n                Resource: '*'\n");
        var d = Check.One(yaml, DiagnosticCatalog.PollerWithExplicitRole);
        Assert.Contains("the SQS event 'Jobs' of Fn", d.Message, StringComparison.Ordinal);
        Assert.Contains("sqs:DeleteMessage, sqs:GetQueueAttributes", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sqs:ReceiveMessage,", d.Message, StringComparison.Ordinal);
        Assert.Equal("Resources.Fn.Properties.Events.Jobs", d.Path);
        Assert.Equal(Check.LineOf(yaml, "Type: SQS"), d.Line);
    }

    [Fact]
    public void Poller_on_a_role_that_grants_what_it_needs_or_a_role_outside_the_template_is_fine()
    {
        Check.None(WithRole("              - Effect: Allow\n                Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes']\n                Resource: arn:aws:sqs:us-east-1:123456789012:jobs\n"), DiagnosticCatalog.PollerWithExplicitRole);
        Check.None(WithRole("              - Effect: Allow\n                Action: 'sqs:*'\n                Resource: '*'\n"), DiagnosticCatalog.PollerWithExplicitRole);
        Check.None(Check.Function.TrimEnd() + "\n      Role: arn:aws:iam::123456789012:role/app" + SqsEvent, DiagnosticCatalog.PollerWithExplicitRole);
        Check.None(Check.Function.TrimEnd() + SqsEvent, DiagnosticCatalog.PollerWithExplicitRole);
    }

    [Fact]
    public void Poller_on_a_role_whose_grant_is_denied_is_reported()
    {
        var yaml = WithRole("              - Effect: Allow\n                Action: 'sqs:*'\n                Resource: '*'\n              - Effect: Deny\n                Action: sqs:DeleteMessage\n                Resource: '*'\n");
        Assert.Contains("sqs:DeleteMessage", Check.One(yaml, DiagnosticCatalog.PollerWithExplicitRole).Message, StringComparison.Ordinal);
    }
}
