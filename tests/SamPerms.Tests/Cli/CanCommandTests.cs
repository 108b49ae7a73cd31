using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>samperms can: may the function's role do this, and which template line decides it.</summary>
public sealed class CanCommandTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Queue:
            Type: AWS::SQS::Queue
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              CodeUri: src/
              Policies:
                - S3ReadPolicy:
                    BucketName: photos
                - Statement:
                    - Effect: Allow
                      Action: sqs:SendMesage
                      Resource: !GetAtt Queue.Arn
                    - Effect: Deny
                      Action: s3:GetObject
                      Resource: arn:aws:s3:::photos/private/*
        """;

    [Fact]
    public void Allowed_names_the_grant_and_its_line()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var r = CliRunner.Run("can", t, "Fn", "s3:GetObject", "arn:aws:s3:::photos/cat.jpg");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("yes: Fn may s3:GetObject on arn:aws:s3:::photos/cat.jpg\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("allowed by policy template S3ReadPolicy(BucketName=photos) (Fn.Policies[0]) at ", r.Out, StringComparison.Ordinal);
        Assert.Contains("template.yaml:12:11", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_allowed_says_why_a_Deny_or_a_misspelling()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var denied = CliRunner.Run("can", t, "Fn", "s3:GetObject", "arn:aws:s3:::photos/private/a.jpg");
        Assert.Equal(1, denied.ExitCode);
        Assert.StartsWith("no: Fn may not s3:GetObject", denied.Out, StringComparison.Ordinal);
        Assert.Contains("denied by", denied.Out, StringComparison.Ordinal);

        var typo = CliRunner.Run("can", t, "Fn", "sqs:SendMessage", "${Queue.Arn}");
        Assert.Equal(1, typo.ExitCode);
        Assert.Contains("allows 'sqs:SendMesage', which does not exist: a misspelling of it?", typo.Out, StringComparison.Ordinal);
        Assert.Contains("see inline", typo.Out, StringComparison.Ordinal);

        var nowhere = CliRunner.Run("can", t, "Fn", "dynamodb:PutItem");
        Assert.Equal(1, nowhere.ExitCode);
        Assert.Contains("no statement of the role allows it on any resource", nowhere.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_resource_it_lists_where_and_json_carries_the_verdict()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var r = CliRunner.Run("can", t, "Fn", "s3:ListBucket", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"verdict\": \"allowed\"", r.Out, StringComparison.Ordinal);
        Assert.Contains("allowed on arn:aws:s3:::photos, arn:aws:s3:::photos/*", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_name_what_exists()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var r = CliRunner.Run("can", t, "Nope", "s3:GetObject");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no function or state machine 'Nope'", r.Err, StringComparison.Ordinal);
        Assert.Contains("(there are: Fn)", r.Err, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("can", t, "Fn", "GetObject").ExitCode);
    }

    [Fact]
    public void Invoked_by_asks_the_resource_policy_side()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template.Replace("      Policies:", "      Events:\n        Get:\n          Type: Api\n          Properties: { Path: /x, Method: get }\n      Policies:", StringComparison.Ordinal));
        var api = CliRunner.Run("can", t, "Fn", "--invoked-by", "apigateway.amazonaws.com");
        Assert.Equal(0, api.ExitCode);
        Assert.StartsWith("yes: apigateway.amazonaws.com may invoke Fn\n", api.Out, StringComparison.Ordinal);
        Assert.Contains("callers: ServerlessRestApi GET /x: open", api.Out, StringComparison.Ordinal);

        var s3 = CliRunner.Run("can", t, "Fn", "--invoked-by", "s3.amazonaws.com", "--format", "json");
        Assert.Equal(1, s3.ExitCode);
        Assert.Contains("\"verdict\": \"not-allowed\"", s3.Out, StringComparison.Ordinal);
        Assert.Contains("nothing lets s3.amazonaws.com invoke it", s3.Out, StringComparison.Ordinal);

        Assert.Equal(2, CliRunner.Run("can", t, "Fn", "s3:GetObject", "--invoked-by", "s3.amazonaws.com").ExitCode);
        Assert.Equal(2, CliRunner.Run("can", t, "Fn").ExitCode);
    }
}
