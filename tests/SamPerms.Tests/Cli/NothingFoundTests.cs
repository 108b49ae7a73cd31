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

    [Fact]
    public void A_template_without_functions_says_so()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
        var r = CliRunner.Run("permissions", t);
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains($"no functions or state machines in {t}", r.Out + r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transform")]
    [InlineData("permissions")]
    [InlineData("validate")]
    [InlineData("diff")]
    [InlineData("can")]
    public void An_unknown_serverless_type_is_an_error_with_a_suggestion(string command)
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", Misspelled);
        string[] args = command switch
        {
            "diff" => ["diff", t, t],
            "can" => ["can", t, "Hello", "s3:GetObject"],
            _ => [command, t],
        };
        var r = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("AWS::Serverless::Function", r.Out + r.Err, StringComparison.Ordinal);
        Assert.Contains("Funtion", r.Out + r.Err, StringComparison.Ordinal);
    }
}
