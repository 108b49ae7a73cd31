using SamPerms.Output;
using SamPerms.Tests.Golden;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>
/// Text reports on a terminal: tables fit its width (wrapped, or a list when too narrow), colour on a terminal
/// (red broadening and missing, yellow excess) — and none of it in pipes, files, with NO_COLOR or --no-color.
/// </summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class TerminalOutputTests
{
    private static string Case(string name) => RepoPaths.InRepo("tests", "SamPerms.Tests", "Golden", "Permissions", "baseline", name);

    private static readonly string[] Versions = ["diff", Case("old.yaml"), Case("template.yaml")];

    private static string[] Args(params string[] extra) => [.. Versions, .. extra];

    private static readonly Dictionary<string, string> NoColor = new() { ["NO_COLOR"] = "1" };

    private const string Esc = "\u001b";

    private static string Plain => CliRunner.Run(Args()).Out;

    [Fact]
    public void At_80_columns_the_tables_fit_wrapped_or_as_lists()
    {
        // Run beside the case, so the golden shows the paths as a user types them.
        CliRunner.Result r;
        lock (WorkingDirectory)
        {
            var before = System.Environment.CurrentDirectory;
            System.Environment.CurrentDirectory = Path.GetDirectoryName(Case("old.yaml"))!;
            try
            {
                r = CliRunner.RunOn(terminal: true, width: 80, NoColor, "diff", "old.yaml", "template.yaml");
            }
            finally
            {
                System.Environment.CurrentDirectory = before;
            }
        }

        Assert.Equal(1, r.ExitCode);
        Assert.All(r.Out.Split('\n'), line => Assert.True(DisplayWidth.Of(line) <= 80, $"wider than 80: {line}"));
        Assert.DoesNotContain(Esc, r.Out, StringComparison.Ordinal);
        GoldenFiles.Check("tests/SamPerms.Tests/Golden/Permissions/baseline/diff-baseline-80.txt", r.Out);
    }

    private static readonly object WorkingDirectory = new();

    [Theory]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(140)]
    [InlineData(400)]
    public void Every_line_fits_the_terminal(int width)
    {
        var r = CliRunner.RunOn(terminal: true, width: width, NoColor, Args());
        Assert.All(r.Out.Split('\n'), line => Assert.True(DisplayWidth.Of(line) <= width, $"wider than {width}: {line}"));
    }

    [Theory]
    [InlineData(140)]
    [InlineData(400)]
    public void Wrapping_a_table_only_moves_its_text(int width)
    {
        // Tables (not lists) at these widths: the same characters, only on other lines.
        var r = CliRunner.RunOn(terminal: true, width: width, NoColor, Args());
        Assert.DoesNotContain("Function:", r.Out, StringComparison.Ordinal);
        Assert.Equal(Characters(Plain), Characters(r.Out));
    }

    /// <summary>The report's characters but blanks and borders, sorted: what wrapping keeps.</summary>
    private static string Characters(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && !"│─┌┐└┘├┤┬┴┼".Contains(c)).Order().ToArray());

    [Fact]
    public void A_wide_terminal_gets_the_plain_layout()
    {
        Assert.Equal(Plain, CliRunner.RunOn(terminal: true, width: 1000, NoColor, Args()).Out);
    }

    [Fact]
    public void COLUMNS_sets_the_width_on_a_terminal()
    {
        var r = CliRunner.RunOn(terminal: true, width: 1000, new Dictionary<string, string> { ["NO_COLOR"] = "1", ["COLUMNS"] = "90" }, Args());
        Assert.All(r.Out.Split('\n'), line => Assert.True(DisplayWidth.Of(line) <= 90, line));
        Assert.NotEqual(Plain, r.Out);
    }

    [Fact]
    public void A_terminal_gets_colour_and_without_it_the_text_is_the_plain_text()
    {
        var r = CliRunner.RunOn(terminal: true, width: 1000, null, Args());
        Assert.Contains(Esc + "[31m", r.Out, StringComparison.Ordinal); // broadening rows and the summary in red
        Assert.Contains(Esc + "[31mThis change widens permissions", r.Out, StringComparison.Ordinal);
        Assert.Contains(Esc + "[31m6 broadening" + Esc + "[0m", r.Out, StringComparison.Ordinal);
        Assert.Equal(Plain, TextStyle.Strip(r.Out));
    }

    [Theory]
    [InlineData("piped", false, null, null)]
    [InlineData("NO_COLOR on a terminal", true, "NO_COLOR", null)]
    [InlineData("--no-color on a terminal", true, null, "--no-color")]
    [InlineData("--no-color beats FORCE_COLOR", false, "FORCE_COLOR", "--no-color")]
    [InlineData("TERM=dumb", true, "TERM", null)]
    [InlineData("FORCE_COLOR=0 piped", false, "FORCE_COLOR=0", null)]
    public void No_colour(string name, bool terminal, string? variable, string? option)
    {
        var r = CliRunner.RunOn(terminal, terminal ? 1000 : null, Environment(variable), option is null ? Args() : Args(option));
        Assert.True(!r.Out.Contains(Esc, StringComparison.Ordinal), name);
        Assert.Equal(Plain, r.Out);
    }

    [Theory]
    [InlineData("FORCE_COLOR piped", "FORCE_COLOR", null)]
    [InlineData("--color piped", null, "--color")]
    [InlineData("--color beats NO_COLOR", "NO_COLOR", "--color")]
    public void Forced_colour(string name, string? variable, string? option)
    {
        var r = CliRunner.RunOn(false, null, Environment(variable), option is null ? Args() : Args(option));
        Assert.True(r.Out.Contains(Esc + "[31m", StringComparison.Ordinal), name);
        Assert.Equal(Plain, TextStyle.Strip(r.Out)); // piped: colour only, the width stays unlimited
    }

    private static Dictionary<string, string> Environment(string? variable) => variable switch
    {
        null => [],
        "TERM" => new() { ["TERM"] = "dumb" },
        "FORCE_COLOR=0" => new() { ["FORCE_COLOR"] = "0" },
        _ => new() { [variable] = "1" },
    };

    [Fact]
    public void A_report_written_to_a_file_is_plain_on_a_terminal_too()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "diff.txt");
        var r = CliRunner.RunOn(terminal: true, width: 60, new Dictionary<string, string> { ["FORCE_COLOR"] = "1" }, Args("--output-file", file, "--color"));
        Assert.Equal("", r.Out);
        Assert.Equal(Plain, File.ReadAllText(file));
    }

    [Fact]
    public void The_intent_check_paints_missing_red_and_excess_yellow()
    {
        var example = RepoPaths.InRepo("templates", "image-resizer");
        string[] args = ["diff", Path.Combine(example, "template.yaml"), "--intent", Path.Combine(example, "intent.yaml")];
        var plain = CliRunner.Run(args).Out;
        var colored = CliRunner.RunOn(terminal: true, width: 1000, null, args).Out;
        Assert.Contains(Esc + "[33mEXCESS" + Esc + "[0m", colored, StringComparison.Ordinal);
        Assert.Equal(plain, TextStyle.Strip(colored));

        using var dir = new TempDir();
        var narrow = dir.Write("intent.yaml", "Functions:\n  ResizeFunction:\n    Allow:\n      - Action: sqs:SendMessage\n        Resource: '*'\n");
        var missing = CliRunner.RunOn(terminal: true, width: 1000, null, "diff", Path.Combine(example, "template.yaml"), "--intent", narrow).Out;
        Assert.Contains(Esc + "[31mMISSING" + Esc + "[0m", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_paints_errors_red_and_warnings_yellow_on_a_terminal_only()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Samples.Risky.Replace("AWS::Serverless::Function", "AWS::Serverless::Function\n    DependsOn: Nowhere", StringComparison.Ordinal));
        var plain = CliRunner.Run("validate", t).Out;
        Assert.DoesNotContain(Esc, plain, StringComparison.Ordinal);
        var colored = CliRunner.RunOn(terminal: true, width: 1000, null, "validate", t).Out;
        Assert.Contains(": " + Esc + "[31merror" + Esc + "[0m SP", colored, StringComparison.Ordinal);
        Assert.Contains(": " + Esc + "[33mwarning" + Esc + "[0m SP", colored, StringComparison.Ordinal);
        Assert.Equal(plain, TextStyle.Strip(colored));
        Assert.Equal(plain, CliRunner.RunOn(terminal: true, width: 1000, NoColor, "validate", t).Out);
    }
}
