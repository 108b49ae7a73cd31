using System.Text.Json;
using SamPerms.Output.Diff;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>
/// <c>diff OLD NEW</c>: a changed statement is one row with every action added and removed; each row keeps its
/// conditions (a function URL's invoke permission says it holds only through the URL); every format of the
/// registry writes both modes.
/// </summary>
public sealed class DiffChangeTests
{
    private const string Old = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/fn.zip
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: [s3:GetObject, s3:ListBucket]
                      Resource: '*'

        """;

    private static readonly string[] Many = ["s3:PutObject", "s3:DeleteObject", "s3:PutObjectAcl", "s3:PutObjectTagging", "s3:DeleteObjectVersion", "s3:RestoreObject"];

    private static string New => Old.Replace("Action: [s3:GetObject, s3:ListBucket]", $"Action: [s3:GetObject, {string.Join(", ", Many)}]", StringComparison.Ordinal)
        + "      FunctionUrlConfig:\n        AuthType: NONE\n";

    private static (string Old, string New, TempDir Dir) Files()
    {
        var dir = new TempDir();
        return (dir.Write("old.yaml", Old), dir.Write("new.yaml", New), dir);
    }

    [Fact]
    public void A_changed_statement_is_one_row_with_every_action_added_and_removed()
    {
        var (old, now, dir) = Files();
        using var _ = dir;
        var text = CliRunner.Run("diff", old, now);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("│ ~! │ Fn", text.Out, StringComparison.Ordinal);
        Assert.Contains("  s3:GetObject", text.Out, StringComparison.Ordinal);
        Assert.Contains("- s3:ListBucket", text.Out, StringComparison.Ordinal);
        foreach (var action in Many)
        {
            Assert.Contains("+ " + action, text.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("more", text.Out, StringComparison.Ordinal); // never "and 2 more"
        Assert.Contains("summary: 2 added, 0 removed, 1 changed, 3 broadening", text.Out, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(CliRunner.Run("diff", old, now, "--format", "json").Out);
        var changed = json.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("change").GetString() == "changed");
        Assert.Equal(Many, changed.GetProperty("actionsAdded").EnumerateArray().Select(a => a.GetString()!));
        Assert.Equal(["s3:ListBucket"], changed.GetProperty("actionsRemoved").EnumerateArray().Select(a => a.GetString()!));
        Assert.Equal(["s3:GetObject", "s3:ListBucket"], changed.GetProperty("before").GetProperty("actions").EnumerateArray().Select(a => a.GetString()!));
        Assert.True(changed.GetProperty("broadening").GetBoolean());
        foreach (var action in Many)
        {
            Assert.Contains(action, changed.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("changed").GetInt32());
        var markdown = CliRunner.Run("diff", old, now, "--format", "markdown").Out;
        Assert.Contains("| changed ⚠️ **broadening** |", markdown, StringComparison.Ordinal);
        Assert.Contains("\\- `s3:ListBucket`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_function_url_invoke_row_keeps_its_condition()
    {
        var (old, now, dir) = Files();
        using var _ = dir;
        Assert.Contains("lambda:InvokedViaFunctionUrl: true", CliRunner.Run("diff", old, now).Out, StringComparison.Ordinal);
        Assert.Contains("`lambda:InvokedViaFunctionUrl: true`", CliRunner.Run("diff", old, now, "--format", "markdown").Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(CliRunner.Run("diff", old, now, "--format", "json").Out);
        var invoke = json.RootElement.GetProperty("changes").EnumerateArray()
            .Single(c => c.GetProperty("actions")[0].GetString() == "lambda:InvokeFunction" && c.GetProperty("principal").GetString() == "*");
        Assert.Equal("lambda:InvokedViaFunctionUrl: true", invoke.GetProperty("condition").GetString());
    }

    [Fact]
    public void Every_registered_format_writes_both_modes_and_the_help_lists_them()
    {
        var (old, now, dir) = Files();
        using var _ = dir;
        var intent = dir.Write("intent.yaml", "Functions:\n  Fn:\n    Allow:\n      - Action: s3:GetObject\n        Resource: '*'\n");
        var help = CliRunner.Run("diff", "--help").Out;
        foreach (var format in DiffFormats.All)
        {
            Assert.Contains($"{format.Name} ({format.Description})", help, StringComparison.Ordinal);
            var versions = CliRunner.Run("diff", old, now, "--format", format.Name);
            var checkedIntent = CliRunner.Run("diff", now, "--intent", intent, "--format", format.Name);
            Assert.Equal(1, versions.ExitCode);
            Assert.Equal(1, checkedIntent.ExitCode);
            Assert.NotEmpty(versions.Out);
            Assert.NotEmpty(checkedIntent.Out);
            Assert.Equal("", versions.Err + checkedIntent.Err);
        }

        Assert.Equal(2, CliRunner.Run("diff", old, now, "--format", "yaml").ExitCode);
    }
}
