using SamPerms.Tests.Support;

namespace SamPerms.Tests.Security;

/// <summary>
/// A <c>NoEcho: true</c> parameter's value — its default, a <c>--parameter-overrides</c> value or samconfig's — is
/// never printed by any command in any format: the permission views keep it symbolic (<c>${DbPassword}</c>) and
/// whatever else would show it prints <c>****</c>.
/// </summary>
public sealed class NoEchoTests
{
    private const string DefaultSecret = "Default-Secret-4711";
    private const string GivenSecret = "Given\"Secret\\0815";
    private const string ConfigSecret = "Config-Secret-1234";

    private const string Template = $$$"""
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          DbPassword: {Type: String, NoEcho: true, Default: {{{DefaultSecret}}}}
          Account: {Type: String, NoEcho: 'true', Default: '{{{DefaultSecret}}}9'}
          Plain: {Type: String, Default: visible-value}
        Conditions:
          IsSecret: !Equals [!Ref DbPassword, {{{DefaultSecret}}}]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              InlineCode: x
              Environment: {Variables: {PASSWORD: !Ref DbPassword}}
              Policies:
                - Statement:
                    - {Effect: Allow, Action: "*", Resource: !Sub "arn:aws:secretsmanager:us-east-1:123456789012:secret:${DbPassword}-${Plain}"}
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: !If [IsSecret, !Sub "arn:aws:s3:::${DbPassword}/*", "arn:aws:s3:::other/*"]
                      Condition: {StringEquals: {"aws:PrincipalTag/pw": !Ref DbPassword}}
          Perm:
            Type: AWS::Lambda::Permission
            Properties: {Action: lambda:InvokeFunction, FunctionName: !Ref Fn, Principal: s3.amazonaws.com, SourceAccount: !Ref Account}
        """;

    private const string Intent = """
        Functions:
          Fn:
            Allow:
              - Action: s3:GetObject
                Resource: arn:aws:s3:::other/*
        """;

    public static TheoryData<string[]> Runs()
    {
        var data = new TheoryData<string[]>();
        foreach (var f in new[] { "table", "json", "markdown", "mermaid" })
        {
            data.Add(["permissions", "{t}", "--format", f]);
        }

        foreach (var f in new[] { "text", "json", "markdown" })
        {
            data.Add(["diff", "{t}", "--intent", "{i}", "--format", f]);
            data.Add(["diff", "{old}", "{t}", "--format", f]);
        }

        foreach (var f in new[] { "text", "json" })
        {
            data.Add(["can", "{t}", "Fn", "s3:GetObject", "arn:aws:s3:::x/y", "--format", f]);
            data.Add(["can", "{t}", "Fn", "--invoked-by", "s3.amazonaws.com", "--format", f]);
        }

        foreach (var f in new[] { "text", "json", "sarif", "github" })
        {
            data.Add(["validate", "{t}", "--format", f]);
        }

        data.Add(["transform", "{t}", "-o", "{out}"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_NoEcho_value_is_never_printed(string[] args)
    {
        using var dir = new TempDir();
        var files = new Dictionary<string, string>
        {
            ["{t}"] = dir.Write("template.yaml", Template),
            ["{old}"] = dir.Write("old.yaml", Template.Replace("- {Effect: Allow, Action: \"*\"", "- {Effect: Deny, Action: \"*\"", StringComparison.Ordinal)),
            ["{i}"] = dir.Write("intent.yaml", Intent),
            ["{out}"] = Path.Combine(dir.Path, "out.json"),
        };
        var resolved = args.Select(a => files.GetValueOrDefault(a, a)).ToArray();

        // The default, a value given on the command line, and one from samconfig.
        Check(CliRunner.Run(resolved), DefaultSecret);
        Check(CliRunner.Run([.. resolved, "--parameter-overrides", "DbPassword=" + GivenSecret, "Account=" + GivenSecret + "9"]), GivenSecret);
        var config = dir.Write("samconfig.toml", $"version = 0.1\n[prod.deploy.parameters]\nparameter_overrides = \"DbPassword={ConfigSecret} Account={ConfigSecret}9\"\n");
        Check(CliRunner.Run([.. resolved, "--config-file", config, "--config-env", "prod"]), ConfigSecret);
    }

    private static void Check(CliRunner.Result r, string secret)
    {
        Assert.True(r.ExitCode is 0 or 1, r.Err);
        foreach (var form in new[] { secret, secret.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) })
        {
            Assert.DoesNotContain(form, r.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(form, r.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_permission_views_keep_a_NoEcho_value_symbolic_and_show_the_others()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("permissions", dir.Write("template.yaml", Template), "--parameter-overrides", "DbPassword=" + GivenSecret);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("arn:aws:secretsmanager:us-east-1:123456789012:secret:${DbPassword}-visible-value", r.Out, StringComparison.Ordinal);
        Assert.Contains("SourceAccount=${Account}", r.Out, StringComparison.Ordinal);
    }
}
