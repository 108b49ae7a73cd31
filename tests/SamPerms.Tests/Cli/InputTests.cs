using SamPerms.Cli;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>Templates given the way SAM users give them: -t, template.yaml by default, folders, quoted globs, stdin; samconfig beside the template.</summary>
[Collection(SamPerms.Tests.Golden.WorkingDirectoryCollection.Name)]
public sealed class InputTests
{
    [Fact]
    public void Template_file_option_and_the_default_template_in_the_current_directory()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Samples.Function);
        var byPath = CliRunner.Run("permissions", t);
        Assert.Equal(ExitCodes.Ok, byPath.ExitCode);
        Assert.Equal(byPath.Out, CliRunner.Run("permissions", "-t", t).Out);
        Assert.Equal(byPath.Out, CliRunner.Run("permissions", "--template-file", t).Out);

        var byDefault = CliRunner.RunIn(dir.Path, "permissions");
        Assert.Equal(ExitCodes.Ok, byDefault.ExitCode);
        Assert.Contains("Hello  (function, template.yaml:3)", byDefault.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, CliRunner.RunIn(dir.Path, "validate").ExitCode);

        using var empty = new TempDir();
        var none = CliRunner.RunIn(empty.Path, "validate");
        Assert.Equal(ExitCodes.UsageOrIo, none.ExitCode);
        Assert.Contains("no template.yaml, template.yml, template.json in the current directory", none.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Can_takes_the_default_template_when_the_first_argument_is_a_function()
    {
        using var dir = new TempDir();
        dir.Write("template.yaml", Samples.Function);
        var named = CliRunner.RunIn(dir.Path, "can", "template.yaml", "Hello", "logs:PutLogEvents");
        Assert.Equal(ExitCodes.Ok, named.ExitCode);
        var implied = CliRunner.RunIn(dir.Path, "can", "Hello", "logs:PutLogEvents");
        Assert.Equal(named.Out, implied.Out);
        Assert.Equal(ExitCodes.Ok, implied.ExitCode);
        var invoke = CliRunner.RunIn(dir.Path, "can", "Hello", "--invoked-by", "s3.amazonaws.com");
        Assert.Equal(CliRunner.RunIn(dir.Path, "can", "template.yaml", "Hello", "--invoked-by", "s3.amazonaws.com").Out, invoke.Out);
        Assert.StartsWith("no: s3.amazonaws.com may not invoke Hello", invoke.Out, StringComparison.Ordinal);
        Assert.Equal(invoke.Out, CliRunner.RunIn(dir.Path, "can", "-t", "template.yaml", "Hello", "--invoked-by", "s3.amazonaws.com").Out);
        Assert.Contains("give a FUNCTION", CliRunner.RunIn(dir.Path, "can", "template.yaml").Err, StringComparison.Ordinal);

        // A name that is neither a file nor followed by an action stays a (missing) template.
        var missing = CliRunner.RunIn(dir.Path, "can", "other.yaml", "Hello", "logs:PutLogEvents");
        Assert.Equal(ExitCodes.UsageOrIo, missing.ExitCode);
        Assert.Contains("other.yaml", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_and_report_take_the_template_as_every_command_does()
    {
        using var dir = new TempDir();
        dir.Write("template.yaml", Samples.Function);
        var named = CliRunner.RunIn(dir.Path, "explain", "template.yaml");
        Assert.Equal(ExitCodes.Ok, named.ExitCode);
        Assert.Equal(named.Out, CliRunner.RunIn(dir.Path, "explain").Out);
        Assert.Equal(named.Out, CliRunner.RunIn(dir.Path, "explain", "-t", "template.yaml").Out);
        Assert.Equal(named.Out, CliRunner.RunIn(dir.Path, "explain", "Hello").Out);
        Assert.Equal(named.Out, CliRunner.RunIn(dir.Path, "explain", "-t", "template.yaml", "Hello").Out);
        var unknown = CliRunner.RunIn(dir.Path, "explain", "Nope");
        Assert.Equal(ExitCodes.UsageOrIo, unknown.ExitCode);
        Assert.Contains("no SAM resource 'Nope'", unknown.Err, StringComparison.Ordinal);

        var page = CliRunner.RunIn(dir.Path, "report");
        Assert.Equal(ExitCodes.Ok, page.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", page.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ExitCodes.UsageOrIo, CliRunner.RunIn(dir.Path, "report", "missing.yaml").ExitCode);
    }

    [Fact]
    public void Quoted_globs_and_folders_name_several_templates()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "services", "orders"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "services", "users"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "services", "users", ".aws-sam"));
        dir.Write("services/orders/template.yaml", Samples.Function);
        dir.Write("services/users/template.yaml", Samples.Risky);
        dir.Write("services/users/.aws-sam/template.yaml", Samples.Rejected);

        var glob = CliRunner.RunIn(dir.Path, "validate", "**/template.yaml", "--format", "json");
        Assert.Equal(ExitCodes.Ok, glob.ExitCode);
        Assert.Contains("services/orders/template.yaml", glob.Out, StringComparison.Ordinal);
        Assert.Contains("services/users/template.yaml", glob.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(".aws-sam", glob.Out, StringComparison.Ordinal);

        var folder = CliRunner.RunIn(dir.Path, "validate", "services", "--format", "json");
        Assert.Equal(glob.Out, folder.Out);

        var outDir = Path.Combine(dir.Path, "out");
        Assert.Equal(ExitCodes.Ok, CliRunner.RunIn(dir.Path, "transform", "services/*/template.yaml", "--out-dir", "out").ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "orders", "template.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "users", "template.json")));

        // Run again over the whole folder: the outputs of the first run are no inputs of the second.
        Assert.Equal(ExitCodes.Ok, CliRunner.RunIn(dir.Path, "transform", ".", "--out-dir", "out").ExitCode);
        Assert.False(Directory.Exists(Path.Combine(outDir, "out")));
        Assert.Equal(2, Directory.GetFiles(outDir, "*", SearchOption.AllDirectories).Length);

        var nothing = CliRunner.RunIn(dir.Path, "validate", "nope/**/*.yaml");
        Assert.Equal(ExitCodes.UsageOrIo, nothing.ExitCode);
        Assert.Contains("no file matches 'nope/**/*.yaml'", nothing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dash_reads_the_template_from_stdin()
    {
        var transform = CliRunner.RunWithStdin(Samples.Function, "transform", "-");
        Assert.Equal(ExitCodes.Ok, transform.ExitCode);
        Assert.Contains("AWS::Lambda::Function", transform.Out, StringComparison.Ordinal);

        var permissions = CliRunner.RunWithStdin(Samples.Function, "permissions", "-");
        Assert.Equal(ExitCodes.Ok, permissions.ExitCode);
        Assert.Contains("Hello  (function, stdin:3)", permissions.Out, StringComparison.Ordinal);

        var validate = CliRunner.RunWithStdin(Samples.Rejected, "validate", "-", "--local-artifacts", "false");
        Assert.Equal(ExitCodes.Invalid, validate.ExitCode);
        Assert.Contains("stdin:7:", validate.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Samconfig_beside_the_template_is_used_and_said()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "app"));
        var t = dir.Write("app/template.yaml", Samples.Function.Replace("Handler: app.handler", "Handler: app.handler\n      Policies:\n        - Statement:\n            - Effect: Allow\n              Action: s3:GetObject\n              Resource: !Sub arn:${AWS::Partition}:s3:::${AWS::StackName}-${AWS::Region}/*", StringComparison.Ordinal));
        dir.Write("app/samconfig.toml", "version = 0.1\n[default.deploy.parameters]\nstack_name = \"orders\"\nregion = \"cn-north-1\"\n[prod.deploy.parameters]\nregion = \"eu-west-1\"\n");

        var r = CliRunner.Run("permissions", t);
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("arn:aws-cn:s3:::orders-cn-north-1/*", r.Out, StringComparison.Ordinal);
        Assert.Contains("samconfig.toml (environment default), region cn-north-1 (samconfig.toml), partition aws-cn", r.Err, StringComparison.Ordinal);
        Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var json = CliRunner.Run("permissions", t, "--format", "json");
        Assert.Contains("\"settings\"", json.Out, StringComparison.Ordinal);
        Assert.Contains("\"partition\": \"aws-cn\"", json.Out, StringComparison.Ordinal);

        var unknown = CliRunner.Run("permissions", t, "--config-env", "prd");
        Assert.Equal(ExitCodes.UsageOrIo, unknown.ExitCode);
        Assert.Contains("no environment 'prd' (did you mean 'prod'?); its environments are default, prod", unknown.Err, StringComparison.Ordinal);
    }
}
