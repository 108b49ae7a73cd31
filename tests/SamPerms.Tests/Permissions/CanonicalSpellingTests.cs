using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Permissions;

namespace SamPerms.Tests.Permissions;

/// <summary>
/// StaticValues.Canonical scans a value for <c>${Id}</c> and <c>${Id.Attribute}</c> symbols by hand: on random texts
/// built from symbol pieces, it finds and replaces exactly what the regular expression it stands for finds (each
/// symbol whose ARN is known by that ARN), as the regular expression did before the scan replaced it.
/// </summary>
public sealed class CanonicalSpellingTests
{
    private static readonly Regex Symbol = new(@"\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}");

    private static readonly string[] Pieces =
    [
        "${", "}", ".", "$", "{", "Orders", "Queue", "Flow", "Fn", "Nothing", "Arn", "Name", "Url", "AWS::Region", "::",
        "arn:aws:s3:::", "/*", "x", "-", "9", "${Orders}", "${Orders.Arn}", "${Queue.Arn}", "${Flow.Name}", "${Fn.Arn}", "${Flow}", "Flow}",
    ];

    [Fact]
    public void The_scan_replaces_what_the_pattern_matches()
    {
        var template = N.Map(("Resources", N.Map(
            ("Orders", N.Map(("Type", new StringNode("AWS::S3::Bucket")))),
            ("Queue", N.Map(("Type", new StringNode("AWS::SQS::Queue")))),
            ("Flow", N.Map(("Type", new StringNode("AWS::StepFunctions::StateMachine")))),
            ("Fn", N.Map(("Type", new StringNode("AWS::Lambda::Function")))))));
        var values = new StaticValues(template, "us-east-1", "aws", new Dictionary<string, string>());
        var random = new Random(7);
        int changed = 0;
        for (int n = 0; n < 3000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 9)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var expected = Symbol.Replace(text, m => values.ArnOf(m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null) ?? m.Value);
            var actual = values.Canonical(text);
            Assert.Equal(expected, actual);
            changed += actual == text ? 0 : 1;
        }

        Assert.True(changed > 100, $"only {changed} texts had a symbol to replace");
    }
}
