using SamPerms.Cli;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

public sealed class TransformCommandTests
{
    private const string Minimal = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/hello.zip
        """;

    private const string Rejected = """
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: not-an-s3-uri
        """;

    [Fact]
    public void One_template_goes_to_stdout_with_exit_0()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("transform", dir.Write("t.yaml", Minimal), "--region", "eu-west-1");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("\"AWS::Lambda::Function\"", r.Out);
        Assert.Contains("\"HelloRole\"", r.Out);
        Assert.DoesNotContain("Transform", r.Out);
    }

    [Fact]
    public void Partition_follows_the_region_unless_given()
    {
        using var dir = new TempDir();
        var t = dir.Write("t.yaml", Minimal);
        Assert.Contains("arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", CliRunner.Run("transform", t, "--region", "cn-north-1").Out);
        Assert.Contains("arn:aws-us-gov:iam::aws:policy", CliRunner.Run("transform", t, "--region", "us-gov-west-1").Out);
        Assert.Contains("arn:aws-us-gov:iam::aws:policy", CliRunner.Run("transform", t, "--region", "eu-west-1", "--partition", "aws-us-gov").Out);
    }

    [Fact]
    public void Output_is_byte_identical_between_runs()
    {
        using var dir = new TempDir();
        var t = dir.Write("t.yaml", Minimal);
        Assert.Equal(CliRunner.Run("transform", t).Out, CliRunner.Run("transform", t).Out);
    }

    [Fact]
    public void Yaml_format_is_available()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("transform", dir.Write("t.yaml", Minimal), "--format", "yaml");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("Type: AWS::Lambda::Function", r.Out);
    }

    [Fact]
    public void Batch_writes_one_file_per_template_and_an_error_file_for_rejected_ones()
    {
        using var dir = new TempDir();
        var good = dir.Write("good.yaml", Minimal);
        var bad = dir.Write("bad.yaml", Rejected);
        var outDir = Path.Combine(dir.Path, "out");
        var r = CliRunner.Run("transform", "--region", "ap-southeast-1", "--parameter-overrides", "param1=value1", "param2=value2", "--out-dir", outDir, good, bad);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "good.json")));
        var error = File.ReadAllText(Path.Combine(outDir, "bad.error.json"));
        Assert.Contains("Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Hello] is invalid. 'CodeUri' is not a valid S3 Uri", error);
        Assert.Contains("\"line\": 7", error);
        Assert.Contains("bad.yaml:7:16: error SP2001", r.Err);
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
    }

    [Fact]
    public void An_empty_template_path_is_a_usage_error_not_an_internal_one()
    {
        using var dir = new TempDir();
        var good = dir.Write("good.yaml", Minimal);
        var r = CliRunner.Run("transform", "", good, "--out-dir", Path.Combine(dir.Path, "out"));
        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains("a template path is empty", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_template_leaves_no_output_file()
    {
        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "out.json");
        var r = CliRunner.Run("transform", dir.Write("bad.yaml", Rejected), "-o", target);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_file_line_and_column()
    {
        using var dir = new TempDir();
        var t = dir.Write("broken.yaml", "Resources:\n  A: [1, 2\n");
        var r = CliRunner.Run("transform", t);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Matches(@"broken\.yaml:\d+:\d+: error SP1001: ", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public void Missing_files_and_bad_usage_exit_2()
    {
        Assert.Equal(ExitCodes.UsageOrIo, CliRunner.Run("transform", "/no/such/template.yaml").ExitCode);
        Assert.Equal(ExitCodes.UsageOrIo, CliRunner.Run("transform").ExitCode);
        Assert.Equal(ExitCodes.UsageOrIo, CliRunner.Run("transform", "--format", "xml", "t.yaml").ExitCode);
        Assert.Equal(ExitCodes.UsageOrIo, CliRunner.Run("frobnicate").ExitCode);
    }

    [Fact]
    public void Several_templates_need_an_output_directory()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("transform", dir.Write("a.yaml", Minimal), dir.Write("b.yaml", Minimal));
        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains("--out-dir", r.Err);
    }

    [Fact]
    public void Parameter_overrides_accept_the_sam_cli_form()
    {
        using var dir = new TempDir();
        var t = dir.Write("p.yaml", """
            Parameters:
              Alias:
                Type: String
            Resources:
              Hello:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://bucket/hello.zip
                  AutoPublishAlias: !Ref Alias
            """);
        var r = CliRunner.Run("transform", t, "--parameter-overrides", "ParameterKey=Alias,ParameterValue=live");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("\"HelloAliaslive\"", r.Out);
    }

    [Fact]
    public void Without_a_command_the_help_is_shown_as_a_usage_error()
    {
        var r = CliRunner.Run();
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Commands:", r.Out, StringComparison.Ordinal);
        Assert.Contains("permissions <template>", r.Out, StringComparison.Ordinal);
    }
}
