using SamPerms.Cli;
using SamPerms.Tests.Support;
using SamPerms.Validation;

namespace SamPerms.Tests.Validation;

public sealed class OutputFormatTests
{
    private const string Risky = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              FunctionUrlConfig:
                AuthType: NONE
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: 's3:*'
                      Resource: '*'
                - AmazonS3FullAcess

        """;

    private static CliRunner.Result Run(string yaml, params string[] args)
    {
        using var dir = new TempDir();
        var path = dir.Write("template.yaml", yaml);
        return CliRunner.Run(["validate", path, .. args]);
    }

    [Fact]
    public void Text_shows_file_line_column_severity_code_and_a_caret_under_the_source()
    {
        var r = Run(Risky);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        var lines = r.Out.Split('\n');
        int i = Array.FindIndex(lines, l => l.Contains("warning SP3106:", StringComparison.Ordinal));
        Assert.True(i >= 0, r.Out);
        Assert.Matches(@"template\.yaml:10:19: warning SP3106: ", lines[i]);
        Assert.Equal(" 10 |         AuthType: NONE", lines[i + 1]);
        Assert.Equal("    |                   ^^^^", lines[i + 2]);
        Assert.Contains("1 template checked: 1 error, 2 warnings, 0 infos", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_shows_a_window_of_a_long_line_not_the_whole_line_per_finding()
    {
        // A minified template: every statement on one line, every tenth action misspelled.
        var statements = string.Join(",", Enumerable.Range(0, 300).Select(i =>
            $"{{\"Effect\":\"Allow\",\"Action\":\"{(i % 10 == 9 ? "s3:GetObjekt" : "s3:GetObject")}\",\"Resource\":\"arn:aws:s3:::bucket-{i}/*\"}}"));
        var json = "{\"Transform\":\"AWS::Serverless-2016-10-31\",\"Resources\":{\"Fn\":{\"Type\":\"AWS::Serverless::Function\",\"Properties\":{"
            + "\"CodeUri\":\"s3://b/k.zip\",\"Handler\":\"a.b\",\"Runtime\":\"python3.12\",\"Policies\":[{\"Statement\":[" + statements + "]}]}}}}\n";
        using var dir = new TempDir();
        var r = CliRunner.Run("validate", dir.Write("template.json", json));

        var excerpts = r.Out.Split('\n').Where(l => l.StartsWith(" 1 | ", StringComparison.Ordinal)).ToList();
        Assert.Equal(30, excerpts.Count);
        Assert.All(excerpts, l => Assert.True(l.Length <= " 1 | ".Length + 166, $"excerpt of {l.Length} characters"));
        Assert.True(r.Out.Length < 20 * json.Length / 10, $"{r.Out.Length} characters of output for a {json.Length}-character file");

        // The caret still points at the finding: the misspelled action, inside the window.
        var lines = r.Out.Split('\n');
        int first = Array.FindIndex(lines, l => l.StartsWith(" 1 | ", StringComparison.Ordinal));
        int caret = lines[first + 1].IndexOf('^', StringComparison.Ordinal);
        Assert.StartsWith("\"s3:GetObjekt\"", lines[first][caret..], StringComparison.Ordinal);
        Assert.StartsWith(" 1 | ...", lines[first], StringComparison.Ordinal);
    }

    [Fact]
    public void Json_follows_its_schema()
    {
        var r = Run(Risky, "--format", "json");
        var problems = SarifShape.ProblemsAgainst(r.Out, RepoPaths.InRepo("schemas", "validate-output.schema.json"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("\"path\": \"Resources.Fn.Properties.FunctionUrlConfig.AuthType\"", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_has_the_shape_github_code_scanning_accepts()
    {
        var r = Run(Risky, "--format", "sarif");
        var problems = SarifShape.Problems(r.Out);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("\"ruleId\": \"SP3106\"", r.Out, StringComparison.Ordinal);
        Assert.Contains("\"startLine\": 10", r.Out, StringComparison.Ordinal);
        foreach (var code in new[] { "SP3007", "SP3101", "SP3106" })
        {
            Assert.Contains($"\"id\": \"{code}\"", r.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"id\": \"SP1001\"", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_shape_check_catches_a_broken_log()
    {
        Assert.NotEmpty(SarifShape.Problems("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {}}, \"results\": [{\"ruleId\": \"X\", \"message\": {}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"t\"}, \"region\": {\"startLine\": 0}}}]}]}]}"));
    }

    [Fact]
    public void Github_annotations_escape_and_locate()
    {
        var r = Run(Risky, "--format", "github");
        Assert.Contains("::warning file=", r.Out, StringComparison.Ordinal);
        Assert.Matches(@"::warning file=[^,]*template\.yaml,line=10,col=19,endLine=10,endColumn=23,title=SP3106 A function URL has AuthType NONE::SP3106: the URL of Fn", r.Out);
        Assert.Contains("::error file=", r.Out, StringComparison.Ordinal);
        Assert.Equal("a%25b%0Ac", SamPerms.Output.Diagnostics.GithubAnnotations.Data("a%b\nc"));
        Assert.Equal("a%3Ab%2Cc", SamPerms.Output.Diagnostics.GithubAnnotations.Property("a:b,c"));
    }

    [Fact]
    public void Exit_code_follows_severity_threshold()
    {
        var warningsOnly = Risky.Replace("        - AmazonS3FullAcess\n", "", StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Run(warningsOnly).ExitCode);
        Assert.Equal(ExitCodes.Invalid, Run(warningsOnly, "--severity", "warning").ExitCode);
        Assert.Equal(ExitCodes.Ok, Run(Check.Function, "--severity", "info").ExitCode);
    }

    [Fact]
    public void Ignore_removes_codes_and_unknown_codes_are_usage_errors()
    {
        var r = Run(Risky, "--ignore", "SP3007", "SP3106");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.DoesNotContain("SP3106", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("SP3007", r.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrIo, Run(Risky, "--ignore", "SP9999").ExitCode);
        // A file that cannot be read is a finding (SP1008) of the batch, not a usage error.
        Assert.Equal(ExitCodes.Invalid, CliRunner.Run("validate", "/no/such/template.yaml").ExitCode);
    }

    [Fact]
    public void Ignore_before_the_template_gives_the_path_back()
    {
        using var dir = new TempDir();
        var path = dir.Write("template.yaml", Risky);
        var r = CliRunner.Run("validate", "--ignore", "SP3007", path);
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("1 template checked: 0 errors", r.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrIo, CliRunner.Run("validate").ExitCode);
    }

    [Fact]
    public void Resource_metadata_suppresses_codes_for_that_resource_and_what_sam_makes_of_it()
    {
        var yaml = Risky.Replace("    Properties:\n      Runtime", "    Metadata:\n      SamPerms:\n        Ignore: [SP3106, SP3101]\n    Properties:\n      Runtime", StringComparison.Ordinal);
        var report = TemplateValidator.ValidateText(yaml, new ValidationOptions());
        Assert.DoesNotContain(report.Diagnostics, d => d.Code is "SP3106" or "SP3101");
        Assert.Contains(report.Suppressed, d => d.Code == "SP3106");
        Assert.Contains(report.Diagnostics, d => d.Code == "SP3007");
    }

    [Fact]
    public void A_batch_checked_on_all_cores_is_reported_in_the_order_given()
    {
        // Templates of very different sizes finish out of order on several threads; the report keeps the given order.
        using var dir = new TempDir();
        var paths = Enumerable.Range(0, 24)
            .Select(i => dir.Write($"t{23 - i:00}.yaml", i % 3 == 0 ? Risky : Check.Function))
            .ToArray();
        var r = CliRunner.Run(["validate", "--format", "json", .. paths]);
        var report = System.Text.Json.Nodes.JsonNode.Parse(r.Out)!;
        var names = paths.Select(p => Path.GetFileName(p)).ToList();
        var templates = report["templates"]!.AsArray().Select(t => Path.GetFileName(t!.GetValue<string>())).ToList();
        Assert.Equal(names, templates);
        var files = report["diagnostics"]!.AsArray().Select(d => Path.GetFileName(d!["file"]!.GetValue<string>())).Distinct().ToList();
        Assert.Equal(names.Where(n => files.Contains(n)).ToList(), files);
        Assert.Equal(8, files.Count);
    }

    [Fact]
    public void Several_templates_are_reported_together()
    {
        using var dir = new TempDir();
        var a = dir.Write("a.yaml", Risky);
        var b = dir.Write("b.yaml", Check.Function);
        var r = CliRunner.Run("validate", a, b);
        Assert.Contains("2 templates checked", r.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
    }
}
