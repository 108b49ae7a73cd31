using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

public sealed class DiffCommandTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Queue:
            Type: AWS::SQS::Queue
          Fn:
            Type: AWS::Serverless::Function
            Metadata:
              SamPerms:
                Allow:
                  - Action: logs:*
                    Resource: '*'
            Properties:
              Runtime: python3.12
              Handler: a.b
              CodeUri: s3://b/k.zip
              Policies:
                - SQSSendMessagePolicy:
                    QueueName: !GetAtt Queue.QueueName
        """;

    [Fact]
    public void Inline_intent_is_checked_and_excess_fails_by_default()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var r = CliRunner.Run("diff", t, "--region", "us-east-1");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("EXCESS       allow   sqs:SendMessage* on arn:aws:sqs:us-east-1:${AWS::AccountId}:${Queue.QueueName}", r.Out, StringComparison.Ordinal);
        Assert.Contains("template.yaml:17:11 (Fn.Policies[0])", r.Out, StringComparison.Ordinal);
        Assert.Contains("summary: 0 missing, 1 excess, 0 unverifiable", r.Out, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("diff", t, "--fail-on", "missing").ExitCode);
        Assert.Equal(0, CliRunner.Run("diff", t, "--fail-on", "none").ExitCode);
        Assert.Equal(1, CliRunner.Run("diff", t, "--fail-on", "excess").ExitCode);
    }

    [Fact]
    public void An_intent_file_replaces_the_inline_intent_of_the_same_function()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var i = dir.Write("intent.yaml", """
            Functions:
              Fn:
                Allow:
                  - Action: [sqs:SendMessage*, sqs:GetQueueAttributes, sqs:ChangeMessageVisibility, sqs:GetQueueUrl]
                    Resource: !GetAtt Queue.Arn
                  - Action: logs:*
                    Resource: '*'
            """);
        var r = CliRunner.Run("diff", t, "--intent", i, "--format", "json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("\"missing\": 3,\n    \"excess\": 0,", r.Out, StringComparison.Ordinal);
        Assert.Contains("\"action\": \"sqs:GetQueueUrl\"", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_intent_is_a_usage_error_with_a_located_message()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var i = dir.Write("intent.yaml", "Functions:\n  Missing:\n    Allow: []\n");
        var r = CliRunner.Run("diff", t, "--intent", i);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("intent.yaml:2:3: error SP4002: the intent names function 'Missing', which the template does not define", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", r.Err, StringComparison.Ordinal);

        var typo = CliRunner.Run("diff", t, "--intent", dir.Write("typo.yaml", "Functions:\n  Fm:\n    Allow: []\n"));
        Assert.Contains("which the template does not define (did you mean 'Fn'?)", typo.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_values_belong_to_their_mode()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        Assert.Equal(2, CliRunner.Run("diff", t, "--fail-on", "broadening").ExitCode);
        Assert.Equal(2, CliRunner.Run("diff", t, t, "--fail-on", "missing").ExitCode);
        Assert.Equal(2, CliRunner.Run("diff", t, t, "--intent", t).ExitCode);
    }

    [Fact]
    public void Two_versions_fail_on_broadening_only()
    {
        using var dir = new TempDir();
        var old = dir.Write("old.yaml", Template);
        var narrower = dir.Write("narrower.yaml", Template.Replace("SQSSendMessagePolicy", "SQSPollerPolicy", StringComparison.Ordinal));
        var same = CliRunner.Run("diff", old, old);
        Assert.Equal(0, same.ExitCode);
        Assert.StartsWith("No permission changes", same.Out, StringComparison.Ordinal);

        var wider = CliRunner.Run("diff", old, narrower);
        Assert.Equal(1, wider.ExitCode); // the poller policy adds sqs:ReceiveMessage, not granted before
        Assert.Contains("~! ", wider.Out, StringComparison.Ordinal); // the statement changed: one row, its actions marked
        Assert.Equal(0, CliRunner.Run("diff", narrower, narrower, "--fail-on", "any").ExitCode);
        Assert.Equal(0, CliRunner.Run("diff", old, narrower, "--fail-on", "none").ExitCode);
    }

    [Fact]
    public void Removing_an_API_authorizer_broadens_who_may_invoke()
    {
        const string api = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  Auth:
                    DefaultAuthorizer: AWS_IAM
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: a.b
                  CodeUri: s3://b/k.zip
                  Events:
                    Read:
                      Type: Api
                      Properties: { RestApiId: !Ref Api, Path: /items, Method: get }
            """;
        using var dir = new TempDir();
        var secured = dir.Write("secured.yaml", api);
        var open = dir.Write("open.yaml", api.Replace("      Auth:\n        DefaultAuthorizer: AWS_IAM\n", "", StringComparison.Ordinal));

        var opened = CliRunner.Run("diff", secured, open);
        Assert.Equal(1, opened.ExitCode);
        Assert.Contains("API route GET /items is now open (was authorized)", opened.Out, StringComparison.Ordinal);

        var closed = CliRunner.Run("diff", open, secured);
        Assert.Equal(0, closed.ExitCode);
        Assert.Contains("API route GET /items is now authorized (was open)", closed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_action_points_at_the_misspelled_grant()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Fn:
                Type: AWS::Serverless::Function
                Metadata:
                  SamPerms:
                    Allow:
                      - Action: [sqs:SendMessage, sqs:GetQueueUrl]
                        Resource: !GetAtt Queue.Arn
                Properties:
                  Runtime: python3.12
                  Handler: a.b
                  CodeUri: s3://b/k.zip
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: [sqs:SendMesage, sqs:GetQueueUrl]
                          Resource: !GetAtt Queue.Arn
            """);
        var r = CliRunner.Run("diff", t, "--fail-on", "missing");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("MISSING      allow   sqs:SendMessage on ${Queue.Arn}", r.Out, StringComparison.Ordinal);
        Assert.Contains("allows 'sqs:SendMesage', which does not exist: a misspelling of it?", r.Out, StringComparison.Ordinal);
        Assert.Contains("template.yaml:17:11 (Fn.Policies[0])", r.Out, StringComparison.Ordinal);

        // A real action near the declared one is no misspelling (GetItem is not a typo of PutItem).
        var other = CliRunner.Run("diff", dir.Write("other.yaml", File.ReadAllText(t)
            .Replace("sqs:SendMessage,", "dynamodb:GetItem,", StringComparison.Ordinal)
            .Replace("sqs:SendMesage,", "dynamodb:PutItem,", StringComparison.Ordinal)), "--fail-on", "none");
        Assert.Contains("MISSING      allow   dynamodb:GetItem on ${Queue.Arn}", other.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("misspelling", other.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Intent_can_require_that_API_routes_and_function_URLs_authorize_their_callers()
    {
        const string template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Metadata:
                  SamPerms:
                    InvokedBy:
                      - Principal: apigateway.amazonaws.com
                        Authorization: required
                      - Principal: '*'
                        Authorization: required
                Properties:
                  Runtime: python3.12
                  Handler: a.b
                  CodeUri: s3://b/k.zip
                  FunctionUrlConfig:
                    AuthType: NONE
                  Events:
                    Public:
                      Type: Api
                      Properties: { Path: /items, Method: get }
            """;
        using var dir = new TempDir();
        var open = CliRunner.Run("diff", dir.Write("open.yaml", template), "--fail-on", "excess");
        Assert.Equal(1, open.ExitCode);
        Assert.Contains("API route GET /items of ServerlessRestApi has no authorization", open.Out, StringComparison.Ordinal);
        Assert.Contains("the function URL has AuthType NONE", open.Out, StringComparison.Ordinal);

        var secured = template.Replace("AuthType: NONE", "AuthType: AWS_IAM", StringComparison.Ordinal)
            .Replace("Properties: { Path: /items, Method: get }", "Properties: { Path: /items, Method: get, Auth: { Authorizer: AWS_IAM } }", StringComparison.Ordinal);
        var ok = CliRunner.Run("diff", dir.Write("secured.yaml", secured), "--fail-on", "excess");
        Assert.Equal(0, ok.ExitCode);

        var bad = CliRunner.Run("diff", dir.Write("bad.yaml", template.Replace("Authorization: required\n          - Principal: '*'", "Authorization: yes\n          - Principal: '*'", StringComparison.Ordinal)));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Authorization must be 'required'", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Deny_in_the_intent_is_a_guardrail_even_under_a_wide_Allow()
    {
        const string template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Metadata:
                  SamPerms:
                    Allow:
                      - Action: ['s3:*', 'logs:*']
                        Resource: '*'
                    Deny:
                      - Action: s3:Delete*
                        Resource: '*'
                Properties:
                  Runtime: python3.12
                  Handler: a.b
                  CodeUri: s3://b/k.zip
                  Policies:
                    - S3CrudPolicy: {BucketName: photos}
            """;
        using var dir = new TempDir();
        var r = CliRunner.Run("diff", dir.Write("template.yaml", template));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("EXCESS       allow   s3:Delete* on *", r.Out, StringComparison.Ordinal);
        Assert.Contains("forbidden by the intent, granted by policy template S3CrudPolicy (Fn.Policies[0])", r.Out, StringComparison.Ordinal);
        Assert.Contains("summary: 0 missing, 1 excess, 0 unverifiable", r.Out, StringComparison.Ordinal);

        var read = CliRunner.Run("diff", dir.Write("read.yaml", template.Replace("S3CrudPolicy", "S3ReadPolicy", StringComparison.Ordinal)));
        Assert.Equal(0, read.ExitCode);
        Assert.Contains("summary: 0 missing, 0 excess, 0 unverifiable", read.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_intent_there_is_nothing_to_check()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template.Replace("SamPerms:", "Other:", StringComparison.Ordinal));
        var r = CliRunner.Run("diff", t);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no intent", r.Err, StringComparison.Ordinal);
    }
}
