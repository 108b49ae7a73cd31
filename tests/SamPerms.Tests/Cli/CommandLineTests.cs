using SamPerms.Cli;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>Options and help: mistakes get a "did you mean", never read as file names; help ends with examples and exit codes.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void An_unknown_option_is_an_error_with_a_suggestion_not_a_file_name()
    {
        using var dir = new TempDir();
        var t = dir.Write("t.yaml", Samples.Function);
        var r = CliRunner.Run("validate", t, "--sevrity", "warning");
        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains("unknown option '--sevrity' (did you mean '--severity'?)", r.Err, StringComparison.Ordinal);
        Assert.Contains("samperms validate --help", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot read", r.Err, StringComparison.Ordinal);

        var region = CliRunner.Run("transform", t, "--regoin", "eu-west-1");
        Assert.Equal(ExitCodes.UsageOrIo, region.ExitCode);
        Assert.Contains("'--regoin' (did you mean '--region'?)", region.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("--out-dir", region.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_outside_an_options_choices_lists_them_on_one_line()
    {
        using var dir = new TempDir();
        var t = dir.Write("t.yaml", Samples.Function);
        var r = CliRunner.Run("permissions", t, "-f", "Resize");
        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains("'Resize' not recognized. Must be one of: 'text', 'json', ", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("\\n", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("\\t", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_command_gets_a_suggestion()
    {
        var r = CliRunner.Run("permisions", "t.yaml");
        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains("unknown command 'permisions' (did you mean 'permissions'?)", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_for_a_command_ends_with_examples_and_exit_codes()
    {
        foreach (var command in new[] { "transform", "permissions", "diff", "can", "validate" })
        {
            var viaHelp = CliRunner.Run("help", command);
            Assert.Equal(ExitCodes.Ok, viaHelp.ExitCode);
            Assert.Contains($"samperms {command}", viaHelp.Out, StringComparison.Ordinal);
            var examples = viaHelp.Out.IndexOf("Examples:", StringComparison.Ordinal);
            var exitCodes = viaHelp.Out.IndexOf("Exit codes:", StringComparison.Ordinal);
            Assert.True(examples > 0 && exitCodes > examples, $"{command}: help has no examples then exit codes:\n{viaHelp.Out}");
            Assert.Equal(viaHelp.Out, CliRunner.Run(command, "--help").Out);
        }

        Assert.Contains("Examples:", CliRunner.Run("help").Out, StringComparison.Ordinal);
        Assert.Contains("did you mean 'validate'", CliRunner.Run("help", "valdate").Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_where_a_file_is_expected_says_so()
    {
        using var dir = new TempDir();
        dir.Write("template.yaml", Samples.Function);
        var r = CliRunner.Run("permissions", dir.Path);
        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains("is a directory", r.Err, StringComparison.Ordinal);
        Assert.Contains("template.yaml", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_the_plain_format_everywhere_and_table_an_alias()
    {
        using var dir = new TempDir();
        var t = dir.Write("t.yaml", Samples.Function);
        var text = CliRunner.Run("permissions", t, "--format", "text");
        Assert.Equal(ExitCodes.Ok, text.ExitCode);
        Assert.Equal(text.Out, CliRunner.Run("permissions", t, "--format", "table").Out);
        Assert.Equal(text.Out, CliRunner.Run("permissions", t).Out);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("validate", t, "--format", "table").ExitCode);
    }

    [Fact]
    public void Fail_on_takes_comma_lists_and_repeated_flags()
    {
        using var dir = new TempDir();
        var t = dir.Write("t.yaml", Samples.Risky);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("validate", t).ExitCode);
        Assert.Equal(ExitCodes.Invalid, CliRunner.Run("validate", t, "--fail-on", "warning").ExitCode);
        Assert.Equal(ExitCodes.Invalid, CliRunner.Run("validate", t, "--severity", "warning").ExitCode);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("validate", t, "--fail-on", "warning", "--ignore", "SP3106,SP3108").ExitCode);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("validate", t, "--fail-on", "info", "--ignore", "SP31*").ExitCode);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("validate", t, "--fail-on", "info", "--ignore", "SP3106", "--ignore", "SP3108").ExitCode);
        var unknown = CliRunner.Run("validate", t, "--ignore", "SP3016");
        Assert.Equal(ExitCodes.UsageOrIo, unknown.ExitCode);
        Assert.Contains("did you mean", unknown.Err, StringComparison.Ordinal);

        var intent = dir.Write("intent.yaml", "Functions:\n  Hello:\n    Allow: []\n    InvokedBy: []\n");
        var diff = CliRunner.Run("diff", t, "--intent", intent, "--fail-on", "missing,unverifiable");
        Assert.Equal(ExitCodes.Ok, diff.ExitCode);
        Assert.Equal(ExitCodes.Invalid, CliRunner.Run("diff", t, "--intent", intent, "--fail-on", "missing", "--fail-on", "excess").ExitCode);
        Assert.Contains("did you mean 'excess'", CliRunner.Run("diff", t, "--intent", intent, "--fail-on", "exces").Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_shows_infos_only_when_asked_and_the_threshold_is_separate()
    {
        using var dir = new TempDir();
        var t = dir.Write("t.yaml", Samples.Risky);
        var plain = CliRunner.Run("validate", t);
        Assert.Contains("SP3106", plain.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("SP3108", plain.Out, StringComparison.Ordinal);
        Assert.Contains("SP3108", CliRunner.Run("validate", t, "--show", "info").Out, StringComparison.Ordinal);

        // Failing on infos does not need showing them to count them... but what fails is shown.
        var failing = CliRunner.Run("validate", t, "--fail-on", "info", "--ignore", "SP3106");
        Assert.Equal(ExitCodes.Invalid, failing.ExitCode);
        Assert.Contains("SP3108", failing.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void List_rules_gives_code_severity_title_and_why_in_text_and_json()
    {
        var text = CliRunner.Run("validate", "--list-rules");
        Assert.Equal(ExitCodes.Ok, text.ExitCode);
        Assert.Contains("SP3106  warning  A function URL has AuthType NONE", text.Out, StringComparison.Ordinal);
        Assert.Contains("Anyone on the internet can call a function URL with AuthType NONE.", text.Out, StringComparison.Ordinal);
        var json = CliRunner.Run("validate", "--list-rules", "--format", "json");
        Assert.Contains("\"code\": \"SP3106\"", json.Out, StringComparison.Ordinal);
        Assert.Contains("\"why\": ", json.Out, StringComparison.Ordinal);
    }
}

/// <summary>A new command registers its help epilog (examples and exit codes) too.</summary>
public sealed class CommandRegistrationTests
{
    [Fact]
    public void Every_command_has_examples_and_exit_codes_in_its_help()
    {
        var root = SamPermsCli.Build(new CliOutput(new StringWriter(), new StringWriter()));
        foreach (var command in root.Subcommands)
        {
            var epilog = SamPerms.Cli.Help.CommandEpilogs.For(command.Name);
            Assert.True(epilog is not null, $"{command.Name} has no entry in Help/CommandEpilogs.cs");
            Assert.Contains("Examples:", epilog, StringComparison.Ordinal);
            Assert.Contains("Exit codes:", epilog, StringComparison.Ordinal);
        }
    }
}
