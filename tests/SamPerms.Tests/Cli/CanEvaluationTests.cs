using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>
/// samperms can on the requests AWS's documentation settles (issue 18): actions without resource types, ARN
/// wildcards inside a segment, malformed actions, KMS keys outside the template, requests no policy can deny.
/// </summary>
public sealed class CanEvaluationTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
                Statement:
                  - Effect: Allow
                    Principal: {AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"}
                    Action: kms:*
                    Resource: '*'
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              CodeUri: src/
              Policies:
                - Statement:
                    - Effect: Allow
                      NotAction: s3:DeleteBucket
                      Resource: arn:aws:s3:::*
                    - Effect: Allow
                      Action: sns:Publish
                      Resource: arn:aws:sns:eu-*2:alerts
                    - Effect: Allow
                      Action: kms:Decrypt
                      Resource: ['arn:aws:kms:us-east-1:111122223333:key/*', !GetAtt Key.Arn]
                    - Effect: Deny
                      Action: sts:*
                      Resource: '*'
                - Statement:
                    - Effect: Allow
                      Action: [s*:ReceiveMessage, dynamodb:GetItem]
                      Resource: '*'
        """;

    [Fact]
    public void An_action_without_resource_types_is_asked_on_star_and_a_grant_on_an_arn_does_not_allow_it()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var r = CliRunner.Run("can", t, "Fn", "s3:ListAllMyBuckets");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("no: Fn may not s3:ListAllMyBuckets\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("the request's resource is \"*\"", r.Out, StringComparison.Ordinal);

        var onArn = CliRunner.Run("can", t, "Fn", "s3:GetObject", "arn:aws:s3:::b/k");
        Assert.Equal(0, onArn.ExitCode);
    }

    [Fact]
    public void A_star_inside_an_arn_segment_does_not_span_colons()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var r = CliRunner.Run("can", t, "Fn", "sns:Publish", "arn:aws:sns:eu-west-2:123456789012:alerts");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("no:", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_action_grants_nothing_and_says_iam_rejects_the_policy()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var r = CliRunner.Run("can", t, "Fn", "sqs:ReceiveMessage", "arn:aws:sqs:us-east-1:111122223333:q");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("IAM rejects that policy: action 's*:ReceiveMessage' has a wildcard in its service prefix", r.Out, StringComparison.Ordinal);

        // The whole document is rejected: its well-formed statement allows nothing either.
        var same = CliRunner.Run("can", t, "Fn", "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111122223333:table/t");
        Assert.Equal(1, same.ExitCode);
    }

    [Fact]
    public void A_kms_key_outside_the_template_cannot_be_told_before_deploy()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var outside = CliRunner.Run("can", t, "Fn", "kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/abc");
        Assert.Equal(1, outside.ExitCode);
        Assert.StartsWith("cannot tell before deploy", outside.Out, StringComparison.Ordinal);
        Assert.Contains("key policy", outside.Out, StringComparison.Ordinal);

        // A key of the template: its key policy is in the template (decided by the effective-access step).
        var inside = CliRunner.Run("can", t, "Fn", "kms:Decrypt", "${Key.Arn}");
        Assert.Equal(0, inside.ExitCode);
    }

    [Fact]
    public void A_pattern_allowed_only_in_part_is_no_yes()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var r = CliRunner.Run("can", t, "Fn", "sns:Publish", "arn:aws:sns:eu-*");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("no:", r.Out, StringComparison.Ordinal);
        Assert.Contains("only partly", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_action_added_to_a_new_version_broadens_nothing()
    {
        const string old = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: a.b
                  CodeUri: s3://b/app.zip
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: arn:aws:s3:::photos/*
            """;
        using var dir = new TempDir();
        var before = dir.Write("old.yaml", old);
        var after = dir.Write("new.yaml", old + "\n            - Effect: Allow\n              Action: s*:PutObject\n              Resource: '*'\n");
        var r = CliRunner.Run("diff", before, after, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("grants nothing: IAM rejects its policy, action 's*:PutObject' has a wildcard in its service prefix", r.Out, StringComparison.Ordinal);
        Assert.Contains("0 broadening", CliRunner.Run("diff", before, after).Out, StringComparison.Ordinal);
        Assert.Contains("Allow s*:PutObject on * [grants nothing: IAM rejects the policy, action 's*:PutObject'", CliRunner.Run("permissions", after).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void GetCallerIdentity_is_allowed_whatever_the_policies_say()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var r = CliRunner.Run("can", t, "Fn", "sts:GetCallerIdentity");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("no policy can deny it", r.Out, StringComparison.Ordinal);
    }
}
