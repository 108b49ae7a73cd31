using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Json.Schema;
using SamPerms.Tests.Golden;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Ci;

/// <summary>
/// <c>--format junit</c> and <c>--format codequality</c> of validate and diff: golden files on the examples, the
/// JUnit XML checked against the common JUnit shape (Ci/junit.xsd) and the Code Quality JSON against GitLab's
/// documented fields (Ci/codequality.schema.json), and template text escaped in both.
/// </summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class CiFormatTests
{
    private const string GoldenDir = "tests/SamPerms.Tests/Golden/Ci";

    public static TheoryData<string> Examples() =>
        [.. Directory.GetDirectories(RepoPaths.InRepo("templates")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example(string name)
    {
        var dir = RepoPaths.InRepo("templates", name);
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = dir;
        try
        {
            Check($"{GoldenDir}/{name}/validate.junit.xml", "validate", "template.yaml", "--format", "junit");
            Check($"{GoldenDir}/{name}/validate.codequality.json", "validate", "template.yaml", "--format", "codequality");
            Check($"{GoldenDir}/{name}/validate.md", "validate", "template.yaml", "--format", "markdown", "--show", "info");
            Check($"{GoldenDir}/{name}/diff-intent.junit.xml", "diff", "template.yaml", "--intent", "intent.yaml", "--format", "junit");
            Check($"{GoldenDir}/{name}/diff-intent.codequality.json", "diff", "template.yaml", "--intent", "intent.yaml", "--format", "codequality");
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void BaselineDiffFailuresAreTheBroadeningChanges()
    {
        using var dir = new TempDir();
        var old = dir.Write("old.yaml", Fn("- S3ReadPolicy: {BucketName: photos}"));
        var now = dir.Write("new.yaml", Fn("- S3ReadPolicy: {BucketName: photos}\n        - Statement: [{Effect: Allow, Action: 'dynamodb:*', Resource: '*'}]"));
        var junit = CliRunner.Run("diff", old, now, "--format", "junit", "--region", "us-east-1");
        Assert.Equal(1, junit.ExitCode);
        var doc = ValidJunit(junit.Out);
        var failure = Assert.Single(doc.Descendants("failure"));
        Assert.Equal("broadening", failure.Attribute("type")!.Value);
        Assert.Contains("dynamodb:*", failure.Parent!.Attribute("name")!.Value);

        var quality = CliRunner.Run("diff", old, now, "--format", "codequality", "--region", "us-east-1");
        ValidCodeQuality(quality.Out);
        using var json = JsonDocument.Parse(quality.Out);
        var major = json.RootElement.EnumerateArray().Where(e => e.GetProperty("severity").GetString() == "major").ToList();
        Assert.Single(major);
        Assert.Equal(now.Replace('\\', '/'), major[0].GetProperty("location").GetProperty("path").GetString());
        Assert.True(major[0].GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() > 1);
    }

    [Fact]
    public void TemplateTextIsEscaped()
    {
        using var dir = new TempDir();
        // A managed policy name that validate repeats in its message, with markup, quotes and control characters.
        var t = dir.Write("t.yaml", Fn("- \"Amazon</failure>\\\"&\\e[31m\\a\\n::error::owned\""));
        var junit = CliRunner.Run("validate", t, "--format", "junit", "--region", "us-east-1");
        var doc = ValidJunit(junit.Out);
        Assert.Contains("Amazon&lt;/failure&gt;", junit.Out);
        Assert.NotEmpty(doc.Descendants("failure"));
        Assert.DoesNotContain('\u001b', junit.Out);
        Assert.DoesNotContain('\u0007', junit.Out);
        Assert.DoesNotContain(junit.Out.Split('\n'), l => l.StartsWith("::", StringComparison.Ordinal));

        var quality = CliRunner.Run("validate", t, "--format", "codequality", "--region", "us-east-1");
        ValidCodeQuality(quality.Out);
        Assert.DoesNotContain('\u001b', quality.Out);
    }

    [Fact]
    public void FingerprintsDoNotDependOnLines()
    {
        using var dir = new TempDir();
        var body = Fn("- Statement: [{Effect: Allow, Action: '*', Resource: '*'}]");
        var t = dir.Write("t.yaml", body);
        static List<(string Print, int Line)> Findings(string json) =>
            [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e =>
                (e.GetProperty("fingerprint").GetString()!, e.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32()))];
        var before = Findings(CliRunner.Run("validate", t, "--format", "codequality").Out);
        Assert.NotEmpty(before);
        File.WriteAllText(t, "# a comment that moves every line\n\n" + body);
        var after = Findings(CliRunner.Run("validate", t, "--format", "codequality").Out);
        Assert.Equal(before.Select(f => f.Print), after.Select(f => f.Print));
        Assert.Equal(before.Select(f => f.Line + 2), after.Select(f => f.Line));
    }

    private static string Fn(string policies) => $$"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/code.zip
              Policies:
                {{policies}}
        """;

    private static void Check(string golden, params string[] args)
    {
        var result = CliRunner.Run([.. args, "--region", "us-east-1"]);
        Assert.True(result.Err.Length == 0, $"samperms {string.Join(' ', args)} wrote to stderr:\n{result.Err}");
        if (golden.EndsWith(".xml", StringComparison.Ordinal))
        {
            ValidJunit(result.Out);
        }
        else if (golden.EndsWith(".json", StringComparison.Ordinal))
        {
            ValidCodeQuality(result.Out);
        }

        GoldenFiles.Check(golden, result.Out);
    }

    private static XDocument ValidJunit(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, RepoPaths.InRepo("tests", "SamPerms.Tests", "Ci", "junit.xsd"));
        var doc = XDocument.Parse(xml);
        var errors = new List<string>();
        doc.Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        // The counts agree with the cases.
        var root = doc.Root!;
        Assert.Equal(root.Descendants("testcase").Count(), (int)root.Attribute("tests")!);
        Assert.Equal(root.Descendants("failure").Count(), (int)root.Attribute("failures")!);
        foreach (var suite in root.Elements("testsuite"))
        {
            Assert.Equal(suite.Elements("testcase").Count(), (int)suite.Attribute("tests")!);
            Assert.Equal(suite.Descendants("failure").Count(), (int)suite.Attribute("failures")!);
        }

        return doc;
    }

    private static void ValidCodeQuality(string json)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(RepoPaths.InRepo("tests", "SamPerms.Tests", "Ci", "codequality.schema.json")));
        using var doc = JsonDocument.Parse(json);
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, json);
        var prints = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("fingerprint").GetString()).ToList();
        Assert.Equal(prints.Count, prints.Distinct().Count());
    }
}
