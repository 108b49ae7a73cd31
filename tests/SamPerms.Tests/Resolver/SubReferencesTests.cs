using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Tests.Resolver;

/// <summary>
/// Fn::Sub references are found as the reference's regex finds them (<c>\$\{([A-Za-z0-9\.]+|AWS::[A-Z][A-Za-z]*)\}</c>,
/// left to right, no overlap) and each replaces the first occurrence of its text in the string substituted so far, as
/// the reference's _sub_all_refs does: random strings of the characters that matter, against that rule written here
/// with .NET's regex.
/// </summary>
public sealed partial class SubReferencesTests
{
    private static readonly string[] Pieces = ["${", "}", "$", "{", "A", "b", "1", ".", ":", "AWS::", "Region", "x", "${A}", "${AWS::Region}", "${A.b}", "A.b", "${AWS::", "${AWS::x}", "${}", "-", " "];

    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["A"] = "${b}",
        ["b"] = "B",
        ["A.b"] = "dotted",
        ["AWS::Region"] = "eu-west-1",
        ["1"] = "${A}",
        ["x"] = "${x}",
        ["AWS::x"] = "lower",
        [""] = "empty",
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Substitution_follows_the_reference_rule(int seed)
    {
        var random = new Random(seed);
        var values = new MapNode();
        foreach (var (name, value) in Parameters)
        {
            values.Set(name, value);
        }

        var resolver = IntrinsicsResolver.ForParameters(values);
        for (int i = 0; i < 5000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(12)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var sub = new MapNode().Set("Fn::Sub", text);
            resolver.ResolveParameterRefs(sub);
            Assert.True(((StringNode)sub["Fn::Sub"]!).Value == Expected(text), $"Fn::Sub of \"{text}\"");
        }
    }

    [Fact]
    public void An_unchanged_string_keeps_its_node()
    {
        var node = new StringNode("arn:${AWS::Partition}:s3:::${Bucket}/${AWS::Region}");
        var sub = new MapNode().Set("Fn::Sub", node);
        IntrinsicsResolver.ForParameters(new MapNode().Set("Other", "o")).ResolveParameterRefs(sub);
        Assert.Same(node, sub["Fn::Sub"]);
    }

    private static string Expected(string text)
    {
        var substituted = text;
        foreach (Match match in SubRef().Matches(text))
        {
            var value = Parameters.TryGetValue(match.Groups[1].Value, out var v) ? v : match.Value;
            int at = substituted.IndexOf(match.Value, StringComparison.Ordinal);
            substituted = substituted[..at] + value + substituted[(at + match.Value.Length)..];
        }

        return substituted;
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9\.]+|AWS::[A-Z][A-Za-z]*)\}")]
    private static partial Regex SubRef();
}
