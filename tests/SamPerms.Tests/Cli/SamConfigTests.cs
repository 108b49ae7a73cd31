using SamPerms.Cli;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>The SAM CLI configuration: region and parameter_overrides of an environment, as sam deploy reads them.</summary>
public sealed class SamConfigTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          TableName:
            Type: String
            Default: dev-table
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              CodeUri: src/
              Policies:
                - DynamoDBReadPolicy:
                    TableName: !Ref TableName
        """;

    private const string Toml = """
        version = 0.1
        [default.deploy.parameters]
        stack_name = "orders"
        region = "eu-west-1"
        parameter_overrides = "TableName=\"prod table\" Unused=1"

        [gov.global.parameters]
        region = "us-gov-west-1"
        parameter_overrides = ["TableName=gov-table"]
        """;

    [Fact]
    public void Parameter_overrides_split_like_shell_words()
    {
        Assert.Equal(["A=1", "B=two words", "C=x", "D=say \"hi\""], SamConfig.SplitShellWords("A=1  B=\"two words\" C='x' D=\"say \\\"hi\\\"\""));
        Assert.Empty(SamConfig.SplitShellWords("   "));
    }

    [Fact]
    public void The_environments_deploy_then_global_parameters_give_region_and_overrides()
    {
        using var dir = new TempDir();
        var file = dir.Write("samconfig.toml", Toml);
        Assert.Equal(file, SamConfig.Find(dir.Path));

        Assert.True(SamConfig.TryLoad(file, "default", environmentRequired: false, out var values, out var error), error);
        Assert.Equal("eu-west-1", values!.Region);
        Assert.Equal(["TableName=prod table", "Unused=1"], values.ParameterOverrides);

        Assert.True(SamConfig.TryLoad(file, "gov", environmentRequired: true, out var gov, out _));
        Assert.Equal(("us-gov-west-1", "TableName=gov-table"), (gov!.Region, gov.ParameterOverrides.Single()));

        Assert.True(SamConfig.TryLoad(file, "absent", environmentRequired: false, out var none, out _));
        Assert.Null(none!.Region);
        Assert.False(SamConfig.TryLoad(file, "absent", environmentRequired: true, out _, out var missing));
        Assert.Contains("no environment 'absent'", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void YAML_configuration_is_read_too()
    {
        using var dir = new TempDir();
        var file = dir.Write("samconfig.yaml", "version: 0.1\ndefault:\n  deploy:\n    parameters:\n      region: ap-south-1\n      parameter_overrides:\n        - TableName=yaml-table\n");
        Assert.True(SamConfig.TryLoad(file, "default", environmentRequired: false, out var values, out var error), error);
        Assert.Equal(("ap-south-1", "TableName=yaml-table"), (values!.Region, values.ParameterOverrides.Single()));
    }

    [Fact]
    public void Commands_take_region_and_parameters_from_the_configuration_and_the_command_line_wins()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var config = dir.Write("samconfig.toml", Toml);

        var r = CliRunner.Run("permissions", t, "--config-file", config);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("arn:aws:dynamodb:eu-west-1:${AWS::AccountId}:table/prod table", r.Out, StringComparison.Ordinal);

        var gov = CliRunner.Run("permissions", t, "--config-file", config, "--config-env", "gov");
        Assert.Contains("arn:aws-us-gov:dynamodb:us-gov-west-1:${AWS::AccountId}:table/gov-table", gov.Out, StringComparison.Ordinal);

        var cli = CliRunner.Run("permissions", t, "--config-file", config, "--region", "us-west-2", "--parameter-overrides", "TableName=cli");
        Assert.Contains("arn:aws:dynamodb:us-west-2:${AWS::AccountId}:table/cli", cli.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_configuration_is_a_located_usage_error()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Template);
        var bad = CliRunner.Run("validate", t, "--config-file", dir.Write("bad.toml", "[default.deploy.parameters\nregion = \"x\"\n"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.toml:1:27: Expected `]`", bad.Err, StringComparison.Ordinal);

        var deep = CliRunner.Run("permissions", t, "--config-file", dir.Write("deep.toml", "a = " + new string('[', 5000) + new string(']', 5000) + "\n"));
        Assert.Equal(2, deep.ExitCode);
        Assert.Contains("deep.toml:1:", deep.Err, StringComparison.Ordinal);
        Assert.Contains("maximum depth", deep.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("converter", deep.Err, StringComparison.Ordinal);

        var absent = CliRunner.Run("transform", t, "--config-file", System.IO.Path.Combine(dir.Path, "none.toml"));
        Assert.Equal(2, absent.ExitCode);
        Assert.Contains("no such file", absent.Err, StringComparison.Ordinal);

        var env = CliRunner.Run("diff", t, t, "--config-file", dir.Write("samconfig.toml", Toml), "--config-env", "staging");
        Assert.Equal(2, env.ExitCode);
        Assert.Contains("no environment 'staging'", env.Err, StringComparison.Ordinal);
    }
}
