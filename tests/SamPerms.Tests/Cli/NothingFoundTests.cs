using SamPerms.Cli;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>Nothing found is said; a SAM type that does not exist is an error with a suggestion in every command.</summary>
public sealed class NothingFoundTests
{
    private const string Misspelled = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Hello:
            Type: AWS::Serverless::Funtion
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/hello.zip

        """;

    private const string NoFunctions = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

    [Theory]
    [InlineData("permissions", ExitCodes.Ok)]
    [InlineData("permissions json", ExitCodes.Ok)]
    [InlineData("diff versions", ExitCodes.Ok)]
    [InlineData("diff intent", ExitCodes.Ok)]
    [InlineData("can", ExitCodes.UsageOrIo)]
    public void A_template_without_functions_says_so_on_stderr(string run, int exit)
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", NoFunctions);
        var intent = dir.Write("intent.yaml", "Functions: {}\n");
        string[] args = run switch
        {
            "permissions json" => ["permissions", t, "--format", "json"],
            "diff versions" => ["diff", t, t],
            "diff intent" => ["diff", t, "--intent", intent],
            "can" => ["can", t, "Fn", "s3:GetObject"],
            _ => ["permissions", t],
        };
        var r = CliRunner.Run(args);
        Assert.Equal(exit, r.ExitCode);
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal($"samperms: no functions or state machines in {t}", l));
        Assert.DoesNotContain("no functions", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transform")]
    [InlineData("permissions")]
    [InlineData("validate")]
    [InlineData("diff")]
    [InlineData("can")]
    [InlineData("explain")]
    [InlineData("report")]
    public void An_unknown_serverless_type_is_an_error_with_a_suggestion(string command)
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Misspelled);
        string[] args = command switch
        {
            "diff" => ["diff", t, t],
            "can" => ["can", t, "Hello", "s3:GetObject"],
            "report" => ["report", t, "-o", Path.Combine(dir.Path, "report.html")],
            _ => [command, t],
        };
        var r = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("AWS::Serverless::Function", r.Out + r.Err, StringComparison.Ordinal);
        // validate reports it as a finding (stdout); the others as an error on stderr.
        var said = command == "validate" ? r.Out : r.Err;
        Assert.Contains("Funtion", said, StringComparison.Ordinal);
        Assert.Contains("SP2101", said, StringComparison.Ordinal);
    }
}
