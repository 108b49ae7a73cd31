using System.Text.RegularExpressions;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Tests.Support;
using SamPerms.Validation;
using SamPerms.Yaml;

namespace SamPerms.Tests.Validation;

/// <summary>
/// <c>samperms validate</c> over the reference corpus (skipped when ../shared/sam-corpus is absent): templates SAM
/// accepts raise no error, except the known findings on fixtures that are not deployable as written
/// (corpus-known-errors.txt, each checked to be right); templates SAM rejects get the reference's error at a
/// property of the template.
/// </summary>
public sealed partial class ValidateCorpusTests
{
    private static readonly ValidationOptions Options = new()
    {
        Transform = new TransformOptions
        {
            Region = "ap-southeast-1",
            ParameterOverrides = new Dictionary<string, string> { ["param1"] = "value1", ["param2"] = "value2" },
        },
    };

    private static IEnumerable<(string Name, byte[] Input, MapNode Expected)> Cases(string corpus, bool errors)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(corpus, "input"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var expectedPath = Path.Combine(corpus, "output", name + ".json");
            if (name.StartsWith("error_", StringComparison.Ordinal) != errors || !File.Exists(expectedPath)
                || TemplateReader.Read(File.ReadAllBytes(expectedPath)).Root is not MapNode expected)
            {
                continue;
            }

            yield return (name, File.ReadAllBytes(file), expected);
        }
    }

    [SkippableFact]
    public void Templates_sam_accepts_raise_no_error_but_known_broken_fixtures()
    {
        var corpus = RepoPaths.Corpus;
        Skip.If(corpus is null, "no corpus at ../shared/sam-corpus");
        var known = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Validation", "corpus-known-errors.txt"))
            .Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        var unexpected = new List<string>();
        int checkedCases = 0;
        foreach (var (name, input, expected) in Cases(corpus!, errors: false))
        {
            var report = TemplateValidator.Validate(input, Options, name);
            if (report.Outcome?.Template is not MapNode output || !SameResourceIds(output, expected))
            {
                continue; // The transform does not produce this template yet; it is scored by the conformance tests.
            }

            checkedCases++;
            foreach (var d in report.Diagnostics.Where(d => d.Severity == Severity.Error))
            {
                if (!known.Contains($"{name} {d.Code}"))
                {
                    unexpected.Add($"{name} {d.Code} {d.Line}:{d.Column} {d.Message}");
                }
                else if (d.Code.StartsWith("SP22", StringComparison.Ordinal) && NamedId(d) is { } id && Defines(expected, id))
                {
                    unexpected.Add($"{name} {d.Code}: '{id}' is defined in the reference output, so the finding is wrong");
                }
            }
        }

        Assert.True(checkedCases > 50, $"only {checkedCases} corpus templates could be checked");
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }

    [SkippableFact]
    public void Templates_sam_rejects_get_the_reference_error_at_a_property()
    {
        var corpus = RepoPaths.Corpus;
        Skip.If(corpus is null, "no corpus at ../shared/sam-corpus");
        var problems = new List<string>();
        int matching = 0;
        foreach (var (name, input, expected) in Cases(corpus!, errors: true))
        {
            var report = TemplateValidator.Validate(input, Options, name);
            if (report.Outcome?.ErrorMessage is not { } message || message != expected.Get("errorMessage")?.Str)
            {
                continue; // Not the reference's error yet: scored by the conformance tests.
            }

            matching++;
            var sam = report.Diagnostics.Where(d => d.Code == DiagnosticCatalog.SamTransformError).ToList();
            if (sam.Count == 0)
            {
                problems.Add($"{name}: no SP2001");
            }

            foreach (var d in sam.Where(d => d.Line == 0 || d.Path is null))
            {
                problems.Add($"{name}: '{d.Message}' is not located at a property (line {d.Line})");
            }
        }

        Assert.True(matching > 0, "no error case matches the reference");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static bool SameResourceIds(MapNode output, MapNode expected) =>
        ((output.Get("Resources") as MapNode)?.Keys ?? []).ToHashSet().SetEquals((expected.Get("Resources") as MapNode)?.Keys ?? []);

    /// <summary>The id a reference finding is about: 'Name' in its message, or ${Name} for Fn::Sub.</summary>
    private static string? NamedId(Diagnostic d)
    {
        var m = d.Code == DiagnosticCatalog.SubVariableMissing ? SubName().Match(d.Message) : Quoted().Match(d.Message);
        // A Ref names the whole string (SAM leaves an unresolvable "Fn.Alias" as it is); ${Res.Attr} names Res.
        return !m.Success ? null : d.Code == DiagnosticCatalog.SubVariableMissing ? m.Groups[1].Value.Split('.')[0] : m.Groups[1].Value;
    }

    private static bool Defines(MapNode template, string id) =>
        new[] { "Resources", "Parameters", "Conditions" }.Any(s => (template.Get(s) as MapNode)?.ContainsKey(id) == true);

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex SubName();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
