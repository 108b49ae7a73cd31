using System.Text.Json;
using SamPerms.Output;
using SamPerms.Output.Diff;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Security;

/// <summary>
/// Every command in every format, on a template, an intent file and a command line whose strings hold line breaks,
/// GitHub Actions workflow commands, terminal escapes, BEL, backticks, pipes and HTML (also in trust policies: principals,
/// their types, actions and conditions, which permissions and diff show): the text from the input is
/// shown, never obeyed (<see cref="OutputInvariants"/>), on stdout and on stderr.
/// </summary>
public sealed class InjectionTests
{
    /// <summary>A hostile string: each piece would break out of a line, a log, a table or a terminal if printed raw.</summary>
    public const string Hostile = "x\n::add-mask::leak\r\n  ::error file=a::pwned\u001b[31mred\u001b]8;;http://evil\u0007\u0007`tick``|pipe|<script>alert(1)</script>##[set-env name=A;]b $x$ *y* \u2028\u202Eend";

    private static string Json(string s) => JsonSerializer.Serialize(s);

    private static string Template(bool extra) => $$"""
        {
          "Transform": "AWS::Serverless-2016-10-31",
          "Parameters": { "Name": { "Type": "String", "Default": {{Json(Hostile)}} } },
          "Resources": {
            "Bkt": { "Type": "AWS::S3::Bucket" },
            "Fn": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "Runtime": "python3.12", "Handler": "index.handler", "InlineCode": "x",
                "Description": {{Json(Hostile)}},
                "AssumeRolePolicyDocument": { "Statement": [ { "Effect": "Allow", "Principal": { "Service": [ "lambda.amazonaws.com", {{Json(Hostile)}} ] }, "Action": "sts:AssumeRole",
                  "Condition": { "ArnLike": { "aws:SourceArn": {{Json(Hostile)}} } } } ] },
                "Policies": [
                  { "Statement": [ {
                    "Effect": "Allow",
                    "Action": [ "s3:GetObject", {{Json("s3:" + Hostile)}} ],
                    "Resource": [ { "Fn::Sub": "arn:aws:s3:::${Name}/*" }, {{Json(Hostile)}} ],
                    "Condition": { "StringEquals": { "aws:SourceVpc": {{Json(Hostile)}} } }
                  } ] }{{(extra ? ", { \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": " + Json("sqs:" + Hostile) + ", \"Resource\": \"*\" } ] }" : "")}}
                ],
                "Events": { "Up": { "Type": "S3", "Properties": { "Bucket": { "Ref": "Bkt" }, "Events": "s3:ObjectCreated:*" } } }
              }
            },
            "Shared": {
              "Type": "AWS::IAM::Role",
              "Properties": { "AssumeRolePolicyDocument": { "Statement": [ {
                "Effect": "Allow",
                "Principal": { "AWS": [ {{Json("arn:aws:iam::111122223333:" + Hostile)}}{{(extra ? ", " + Json(Hostile) : "")}} ], {{Json(Hostile)}}: {{Json(Hostile)}} },
                "Action": [ "sts:AssumeRole", {{Json("sts:" + Hostile)}} ]{{(extra ? "" : ", \"Condition\": { \"StringEquals\": { \"sts:ExternalId\": " + Json(Hostile) + " } }")}}
              } ] } }
            },
            "Perm": {
              "Type": "AWS::Lambda::Permission",
              "Properties": { "Action": "lambda:InvokeFunction", "FunctionName": { "Ref": "Fn" }, "Principal": {{Json(Hostile)}}, "SourceArn": {{Json(Hostile)}} }
            }
          }
        }
        """;

    private static string Intent => $$"""
        {
          "Functions": {
            "Fn": {
              "InvokedBy": [ { "Principal": {{Json(Hostile)}}, "Source": {{Json(Hostile)}} } ],
              "Allow": [ { "Action": {{Json("s3:" + Hostile)}}, "Resource": {{Json(Hostile)}} } ]
            },
            {{Json("Nope" + Hostile)}}: { "Allow": [ { "Action": "s3:GetObject", "Resource": "*" } ] }
          }
        }
        """;

    /// <summary>An unreadable template (a bad logical id and a bad type): its errors quote the hostile text.</summary>
    private static string Broken => $$"""
        { "Transform": "AWS::Serverless-2016-10-31",
          "Resources": {
            {{Json("Fn" + Hostile)}}: { "Type": "AWS::Serverless::Function", "Properties": { "Runtime": {{Json(Hostile)}}, "Handler": "a.b", "InlineCode": "x" } },
            {{Json("Odd" + Hostile)}}: { "Type": {{Json("AWS::Serverless::" + Hostile)}}, "Properties": { "Runtime": {{Json(Hostile)}} } } } }
        """;

    public static TheoryData<string, string[]> Runs()
    {
        var data = new TheoryData<string, string[]>();
        foreach (var f in new[] { "json", "yaml" })
        {
            data.Add("transform " + f, ["transform", "{t}", "--format", f, "-p", "Name=" + Hostile]);
            data.Add("transform broken " + f, ["transform", "{broken}", "--format", f]);
        }

        data.Add("transform annotated yaml", ["transform", "{t}", "--format", "yaml", "--annotate", "-p", "Name=" + Hostile]);
        foreach (var f in new[] { "text", "markdown", "json" })
        {
            data.Add("explain " + f, ["explain", "{t}", "--format", f]);
            data.Add("explain broken " + f, ["explain", "{broken}", "--format", f]);
        }

        data.Add("report", ["report", "{t}"]);
        foreach (var f in new[] { "table", "json", "markdown", "mermaid" })
        {
            data.Add("permissions " + f, ["permissions", "{t}", "--format", f]);
            data.Add("permissions broken " + f, ["permissions", "{broken}", "--format", f]);
            data.Add("permissions unknown function " + f, ["permissions", "{t}", "--format", f, "--function", Hostile]);
        }

        foreach (var f in DiffFormats.All.Select(f => f.Name))
        {
            data.Add("diff intent " + f, ["diff", "{t}", "--intent", "{intent}", "--format", f]);
            data.Add("diff intent known " + f, ["diff", "{t}", "--intent", "{goodintent}", "--format", f]);
            data.Add("diff versions " + f, ["diff", "{old}", "{t}", "--format", f]);
        }

        // Coloured, as on a terminal: the palette's codes are the only escapes, and without them the text is the plain text.
        data.Add("diff intent coloured", ["diff", "{t}", "--intent", "{goodintent}", "--color"]);
        data.Add("diff versions coloured", ["diff", "{old}", "{t}", "--color"]);

        foreach (var f in new[] { "text", "json" })
        {
            data.Add("can action " + f, ["can", "{t}", "Fn", "s3:" + Hostile, Hostile, "--format", f]);
            data.Add("can invoke " + f, ["can", "{t}", "Fn", "--invoked-by", Hostile, "--source", Hostile, "--format", f]);
            data.Add("can unknown " + f, ["can", "{t}", Hostile, "s3:GetObject", "--format", f]);
        }

        foreach (var f in new[] { "text", "json", "sarif", "github", "markdown", "junit", "codequality" })
        {
            data.Add("validate " + f, ["validate", "{t}", "--format", f]);
            data.Add("validate broken " + f, ["validate", "{broken}", "{t}", "--format", f]);
        }

        data.Add("unknown option", ["validate", "{t}", "--" + Hostile]);
        data.Add("missing file", ["permissions", Hostile]);
        data.Add("bad override", ["transform", "{t}", "-p", Hostile]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Input_text_is_shown_never_obeyed(string name, string[] args)
    {
        using var dir = new TempDir();
        // The template's own path is hostile too: a folder whose name starts a workflow command.
        var sub = Path.Combine(dir.Path, "::error::dir");
        Directory.CreateDirectory(sub);
        var files = new Dictionary<string, string>
        {
            ["{t}"] = Write(sub, "t.json", Template(extra: true)),
            ["{old}"] = Write(sub, "old.json", Template(extra: false)),
            ["{broken}"] = Write(sub, "broken.json", Broken),
            ["{intent}"] = Write(sub, "intent.json", Intent),
            ["{goodintent}"] = Write(sub, "good.json", Intent.Replace("\"" + JsonEncodedName() + "\"", "\"Fn2\"", StringComparison.Ordinal)),
        };
        var resolved = args.Select(a => files.TryGetValue(a, out var f) ? Path.GetRelativePath(Environment.CurrentDirectory, f) : a).ToArray();
        var r = CliRunner.Run(resolved);
        if (args.Contains("--color"))
        {
            var plain = CliRunner.Run([.. resolved.Where(a => a != "--color")]);
            Assert.Equal(plain.Out, TextStyle.Strip(r.Out));
            r = r with { Out = TextStyle.Strip(r.Out) };
        }

        bool github = args.Contains("github");
        bool markdown = args.Contains("markdown");
        Assert.True(r.Out.Length + r.Err.Length > 0, $"{name}: no output at all");
        Assert.Null(Prefix("stdout", OutputInvariants.Violation(r.Out, github, markdown), r.Out));
        Assert.Null(Prefix("stderr", OutputInvariants.Violation(r.Err), r.Err));
        Assert.DoesNotContain("internal error", r.Err, StringComparison.Ordinal);
    }

    private static string JsonEncodedName() => Json("Nope" + Hostile)[1..^1];

    private static string? Prefix(string stream, string? violation, string text) =>
        violation is null ? null : $"{stream}: {violation}\n--- {stream} ---\n{text}";

    private static string Write(string dir, string name, string content)
    {
        var p = Path.Combine(dir, name);
        File.WriteAllText(p, content);
        return p;
    }
}
