using SamPerms.Cli;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>Suppressions (Metadata: SamPerms: Ignore) live apart from intent (Metadata: SamPerms: Intent), at resource and template level.</summary>
public sealed class SuppressionTests
{
    private static string WithMetadata(string metadata) => Samples.Risky.TrimEnd() + "\n    Metadata:\n      SamPerms:\n" + metadata;

    [Fact]
    public void A_suppression_beside_intent_does_not_break_the_intent_check()
    {
        using var dir = new TempDir();
        var t = dir.Write("template.yaml", WithMetadata("        Ignore: [SP3106]\n        Intent:\n          InvokedBy:\n            - Principal: apigateway.amazonaws.com\n"));
        var validate = CliRunner.Run("validate", t, "--fail-on", "warning");
        Assert.Equal(ExitCodes.Ok, validate.ExitCode);
        Assert.DoesNotContain("SP3106", validate.Out, StringComparison.Ordinal);

        var diff = CliRunner.Run("diff", t, "--fail-on", "none");
        Assert.Equal(ExitCodes.Ok, diff.ExitCode);
        Assert.DoesNotContain("SP4001", diff.Err, StringComparison.Ordinal);
        Assert.Contains("Hello", diff.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_with_intent_directly_under_SamPerms_still_work_and_a_lone_Ignore_is_no_intent()
    {
        using var dir = new TempDir();
        var legacy = dir.Write("legacy.yaml", WithMetadata("        Ignore: [SP3106]\n        InvokedBy:\n          - Principal: apigateway.amazonaws.com\n"));
        var r = CliRunner.Run("diff", legacy, "--fail-on", "none");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.DoesNotContain("SP4001", r.Err, StringComparison.Ordinal);

        var onlyIgnore = dir.Write("ignore.yaml", WithMetadata("        Ignore: [SP3106]\n"));
        var none = CliRunner.Run("diff", onlyIgnore);
        Assert.Equal(ExitCodes.UsageOrIo, none.ExitCode);
        Assert.Contains("no intent", none.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_level_suppressions_and_problems_with_suppressions_are_reported()
    {
        using var dir = new TempDir();
        var templateLevel = dir.Write("t.yaml", "Metadata:\n  SamPerms:\n    Ignore: [SP31*]\n" + Samples.Risky);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("validate", templateLevel, "--fail-on", "info").ExitCode);

        var bad = dir.Write("bad.yaml", WithMetadata("        Ignore: [SP3016, SP3104]\n"));
        var r = CliRunner.Run("validate", bad);
        Assert.Contains("warning SP1201: Ignore: 'SP3016' of 'Hello' is not a SamPerms code (did you mean", r.Out, StringComparison.Ordinal);
        Assert.Contains("warning SP1202: Ignore: 'SP3104' of 'Hello' suppresses nothing", r.Out, StringComparison.Ordinal);
        Assert.Contains("SP3106", r.Out, StringComparison.Ordinal);
    }
}
