using System.Diagnostics;
using System.Text;
using SamPerms.Cli;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Robustness;

/// <summary>
/// The command line on files built to hurt: each is refused with exit code 1 and a diagnostic naming the file,
/// line and column, quickly, without a stack trace, and without leaving an output or temporary file behind.
/// </summary>
public sealed class HostileFileTests
{
    public static TheoryData<string, string> Files() => new()
    {
        { "alias-bomb.yaml", "SP1005" },
        { "deep-flow.yaml", "SP1006" },
        { "deep-block.yaml", "SP1006" },
        { "deep.json", "SP1006" },
        { "huge.yaml", "SP1005" },
        { "garbage.yaml", "SP1004" },
        { "empty.yaml", "SP1007" },
        { "comments-only.yaml", "SP1007" },
        { "list.yaml", "SP1007" },
        { "scalar.yaml", "SP1007" },
        { "null.yaml", "SP1007" },
        { "nul-character.yaml", "SP1001" },
        { "python-tag.yaml", "SP1003" },
        { "flow-continued-less-indented.yaml", "SP1001" },
        { "two-documents.yaml", "SP1001" },
        { "unclosed.json", "SP1001" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Transform_refuses_it_with_a_located_message(string name, string code)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, name);
        File.WriteAllBytes(path, Content(name));
        var outDir = Path.Combine(dir.Path, "out");
        var outFile = Path.Combine(dir.Path, "result.json");

        var batch = TimedRun("transform", path, "--out-dir", outDir);
        AssertRefused(batch, name, code);
        Assert.Equal([Path.GetFileNameWithoutExtension(name) + ".error.json"], Directory.GetFiles(outDir).Select(Path.GetFileName));

        var single = TimedRun("transform", path, "-o", outFile);
        AssertRefused(single, name, code);
        Assert.Empty(single.Out);
        Assert.False(File.Exists(outFile), "no output file for a refused template");

        AssertRefused(TimedRun("permissions", path), name, code);
        Assert.Equal(new[] { name, "out" }.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Errors_of_several_bad_resources_are_all_reported_with_their_lines()
    {
        using var dir = new TempDir();
        var path = dir.Write("t.yaml", """
            Parameters:
              Shape:
                Type: String
                Default: flat
            Resources:
              First:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: a.h
                  CodeUri: s3://b/k.zip
                  EventInvokeConfig: !Ref Shape
              Second:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: a.h
                  CodeUri: s3://b/k.zip
                  Events:
                    Bad: [1, 2]
            """);
        var r = TimedRun("transform", path);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("t.yaml:12:26: error SP2001: Resource with id [First] is invalid. Property 'EventInvokeConfig' should be a map.", r.Err);
        Assert.Contains("t.yaml:20:14: error SP2001: Resource with id [Second] is invalid. Event with id [Bad] is invalid.", r.Err);
        AssertNoCrashText(r);
    }

    [Fact]
    public void Permissions_of_a_resource_named_after_itself_are_shown()
    {
        using var dir = new TempDir();
        var path = dir.Write("t.yaml", """
            Resources:
              Loop:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${Loop.Arn}-copy"
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: a.h
                  CodeUri: s3://b/k.zip
                  Policies:
                    - S3ReadPolicy:
                        BucketName: !Ref Loop
                  Events:
                    Upload:
                      Type: S3
                      Properties:
                        Bucket: !Ref Loop
                        Events: s3:ObjectCreated:*
            """);
        var r = TimedRun("permissions", path);
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("Reader", r.Out);
        AssertNoCrashText(r);
    }

    private static CliRunner.Result TimedRun(params string[] args)
    {
        var watch = Stopwatch.StartNew();
        var r = CliRunner.Run(args);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"samperms {args[0]} took {watch.Elapsed.TotalSeconds:F1} s");
        return r;
    }

    private static void AssertRefused(CliRunner.Result r, string name, string code)
    {
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(name)}:\d+:\d+: error {code}: ", r.Err);
        AssertNoCrashText(r);
    }

    private static void AssertNoCrashText(CliRunner.Result r)
    {
        foreach (var text in new[] { r.Out, r.Err })
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Sam.Core.Unreadable.Marker, text, StringComparison.Ordinal);
        }
    }

    /// <summary>The hostile files, made on the fly (deterministic; nothing big is committed).</summary>
    private static byte[] Content(string name)
    {
        switch (name)
        {
            case "alias-bomb.yaml":
                var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
                for (int i = 1; i < 12; i++)
                {
                    bomb.Append($"a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 10)).Append("]\n");
                }

                return Utf8(bomb + "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: *a11\n");
            case "deep-flow.yaml":
                return Utf8("Resources: " + new string('[', 10_000) + new string(']', 10_000) + "\n");
            case "deep-block.yaml":
                var block = new StringBuilder("Resources:\n");
                for (int i = 0; i < 1_000; i++)
                {
                    block.Append(' ', 2 * (i + 1)).Append('k').Append(i).Append(":\n");
                }

                return Utf8(block.Append(' ', 2_002).Append("v\n").ToString());
            case "deep.json":
                return Utf8("{\"Resources\": " + string.Concat(Enumerable.Repeat("{\"a\": ", 10_000)) + "1" + new string('}', 10_001));
            case "huge.yaml":
                var chunk = Utf8(string.Concat(Enumerable.Range(0, 1_000).Select(i => $"  Topic{i}:\n    Type: AWS::SNS::Topic\n")));
                var huge = new MemoryStream();
                huge.Write(Utf8("Resources:\n"));
                while (huge.Length < 50L * 1024 * 1024)
                {
                    huge.Write(chunk);
                }

                return huge.ToArray();
            case "garbage.yaml":
                var bytes = new byte[4096];
                new Random(42).NextBytes(bytes);
                bytes[0] = 0xFF; // not a byte-order mark, not UTF-8
                bytes[1] = 0xFF;
                return bytes;
            case "empty.yaml":
                return [];
            case "comments-only.yaml":
                return Utf8("# nothing here\n\n   \n");
            case "list.yaml":
                return Utf8("- Resources\n- Transform\n");
            case "scalar.yaml":
                return Utf8("Resources\n");
            case "null.yaml":
                return Utf8("~\n");
            case "nul-character.yaml":
                return Utf8("Resources:\n  T:\n    Type: AWS::SNS::Topic\0\n");
            case "python-tag.yaml":
                return Utf8("Resources:\n  T:\n    Type: !!python/object/apply:os.system [ls]\n");
            case "flow-continued-less-indented.yaml":
                return Utf8("Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags: [a,\n  b]\n");
            case "two-documents.yaml":
                return Utf8("Resources: {}\n---\nResources: {}\n");
            case "unclosed.json":
                return Utf8("{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\"}");
            default:
                throw new ArgumentException(name);
        }
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
