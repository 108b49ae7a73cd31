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
    }

    [Fact]
    public void Public_principal_in_resource_policies_unless_conditioned()
    {
        const string Policy = "  Queue:\n    Type: AWS::SQS::Queue\n  QueuePolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Queue]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {AWS: '*'}\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n";
        var d = Check.One(Check.Function + Policy, DiagnosticCatalog.PublicPrincipal);
        Assert.Equal(Check.LineOf(Check.Function + Policy, "Principal"), d.Line);
        Check.None(Check.Function + Policy + "            Condition: {ArnEquals: {aws:SourceArn: arn:aws:sns:us-east-1:123456789012:t}}\n", DiagnosticCatalog.PublicPrincipal);
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

    [Fact]
    public void Poller_on_a_function_with_its_own_role()
    {
        const string Events = "\n      Events:\n        Jobs:\n          Type: SQS\n          Properties:\n            Queue: arn:aws:sqs:us-east-1:123456789012:jobs\n";
        var yaml = Check.Function.TrimEnd() + "\n      Role: arn:aws:iam::123456789012:role/app" + Events;
        var d = Check.One(yaml, DiagnosticCatalog.PollerWithExplicitRole);
        Assert.Contains("the SQS event 'Jobs' of Fn", d.Message, StringComparison.Ordinal);
        Assert.Equal("Resources.Fn.Properties.Events.Jobs", d.Path);
        Check.None(Check.Function.TrimEnd() + Events, DiagnosticCatalog.PollerWithExplicitRole);
    }
}
