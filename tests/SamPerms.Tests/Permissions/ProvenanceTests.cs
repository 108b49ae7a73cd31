using SamPerms.Model;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Permissions;

/// <summary>
/// Provenance in the permission views: a property set in Globals points at the Globals line and says so; a
/// resource's template condition is shown, and a false one marks it not deployed; IAM conditions are rendered
/// with the ${...} notation of every other value.
/// </summary>
public sealed class ProvenanceTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Env: {Type: String, Default: dev}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Globals:
          Function:
            Tracing: Active
            FunctionUrlConfig:
              AuthType: NONE
        Resources:
          A:
            Type: AWS::Serverless::Function
            Condition: IsProd
            Properties:
              CodeUri: s3://b/k.zip
              Handler: index.handler
              Runtime: python3.12
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: '*'
                      Condition:
                        StringEquals:
                          aws:ResourceAccount: !Ref AWS::AccountId
                          aws:SourceVpc: [vpc-1, !Sub '${Env}-vpc']
          B:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://b/k.zip
              Handler: index.handler
              Runtime: python3.12
              Tracing: PassThrough
        """;

    [Fact]
    public void A_property_from_Globals_points_at_the_Globals_line()
    {
        using var dir = new TempDir();
        var file = dir.Write("template.yaml", Template);
        var r = CliRunner.Run("permissions", file, "--region", "us-east-1");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"← SAM: Tracing is on, A.Tracing (from Globals, {file}:8)", r.Out, StringComparison.Ordinal);
        Assert.Contains($"A.FunctionUrlConfig (from Globals, {file}:9)", r.Out, StringComparison.Ordinal);
        // B sets its own Tracing, which overrides Globals: its line, not the Globals one.
        Assert.Contains($"← SAM: Tracing is on, B.Tracing ({file}:34)", r.Out, StringComparison.Ordinal);

        var json = CliRunner.Run("permissions", file, "--region", "us-east-1", "--format", "json").Out;
        Assert.Contains("\"path\": \"Tracing\",\n            \"description\": \"SAM: Tracing is on\",\n            \"line\": 8,\n            \"column\": 14,\n            \"fromGlobals\": true", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_whose_condition_is_false_is_marked_not_deployed()
    {
        using var dir = new TempDir();
        var file = dir.Write("template.yaml", Template);
        var dev = CliRunner.Run("permissions", file, "--region", "us-east-1");
        Assert.Contains($"A  (function, {file}:12)\n  only if IsProd — false with these parameters: not deployed\n", dev.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("only if", dev.Out[dev.Out.IndexOf("\nB  (function", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var prod = CliRunner.Run("permissions", file, "--region", "us-east-1", "--parameter-overrides", "Env=prod");
        Assert.Contains("only if IsProd — true with these parameters\n", prod.Out, StringComparison.Ordinal);

        var markdown = CliRunner.Run("permissions", file, "--region", "us-east-1", "--format", "markdown").Out;
        Assert.Contains("only if IsProd — false with these parameters: not deployed", markdown, StringComparison.Ordinal);

        var json = CliRunner.Run("permissions", file, "--region", "us-east-1", "--format", "json").Out;
        Assert.Contains("\"templateCondition\": \"IsProd\",\n      \"conditionValue\": false,\n      \"deployed\": false", json, StringComparison.Ordinal);
    }

    [Fact]
    public void IAM_conditions_print_with_the_notation_of_every_other_value()
    {
        using var dir = new TempDir();
        var file = dir.Write("template.yaml", Template);
        var text = CliRunner.Run("permissions", file, "--region", "us-east-1").Out;
        Assert.Contains("Allow s3:GetObject on * when StringEquals aws:ResourceAccount=${AWS::AccountId}, aws:SourceVpc=[vpc-1, dev-vpc]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"Ref\"", text, StringComparison.Ordinal);

        var markdown = CliRunner.Run("permissions", file, "--region", "us-east-1", "--format", "markdown").Out;
        Assert.Contains("`StringEquals aws:ResourceAccount=${AWS::AccountId}, aws:SourceVpc=[vpc-1, dev-vpc]`", markdown, StringComparison.Ordinal);
    }
}
