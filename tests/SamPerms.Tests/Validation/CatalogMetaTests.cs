using SamPerms.Diagnostics;
using SamPerms.Tests.Support;
using SamPerms.Validation;

namespace SamPerms.Tests.Validation;

/// <summary>The catalog and the rules agree: codes unique, documented, owned by one registered rule, and reachable.</summary>
public sealed class CatalogMetaTests
{
    [Fact]
    public void Codes_are_unique_well_formed_and_documented()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var d in DiagnosticCatalog.All)
        {
            Assert.Matches("^SP[1-9][0-9]{3}$", d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Code);
            Assert.True(d.Help.Length >= 40, $"{d.Code} needs help text");
            Assert.False(d.Title.EndsWith('.'), $"{d.Code}: a title is a phrase, not a sentence");
            Assert.False(string.IsNullOrWhiteSpace(d.Category), d.Code);
        }

        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public void Every_code_belongs_to_exactly_one_registered_rule()
    {
        var owners = RuleRegistry.All.SelectMany(r => r.Reports.Select(d => (d.Code, Rule: r.GetType().Name))).ToList();
        foreach (var d in DiagnosticCatalog.All.Where(d => d.Category != DiagnosticCatalog.CategoryIntent))
        {
            Assert.Single(owners, o => o.Code == d.Code);
        }

        Assert.All(owners, o => Assert.NotNull(DiagnosticCatalog.Find(o.Code)));
    }

    [Fact]
    public void Every_rule_class_is_registered_once()
    {
        var ruleTypes = typeof(IValidationRule).Assembly.GetTypes()
            .Where(t => typeof(IValidationRule).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract).ToList();
        Assert.NotEmpty(ruleTypes);
        foreach (var t in ruleTypes)
        {
            Assert.True(t.IsSealed, $"{t.Name} should be sealed");
            Assert.Single(RuleRegistry.All, r => r.GetType() == t);
        }
    }

    [Fact]
    public void Every_code_has_a_sample_that_produces_it()
    {
        var sampled = CodeSamples.All.Select(s => s.Code).ToHashSet();
        var missing = DiagnosticCatalog.All.Where(d => d.Category != DiagnosticCatalog.CategoryIntent)
            .Select(d => d.Code).Where(c => !sampled.Contains(c)).ToList();
        Assert.True(missing.Count == 0, "no sample for " + string.Join(", ", missing));
    }

    /// <summary>The intent codes (reported by diff, not validate): an intent file that produces each.</summary>
    public static readonly TheoryData<string, string> IntentSamples = new()
    {
        { DiagnosticCatalog.InvalidIntent, "Functions:\n  Fn:\n    Alow: []\n" },
        { DiagnosticCatalog.UnknownSubject, "Functions:\n  Missing:\n    Allow: []\n" },
    };

    [Fact]
    public void Every_intent_code_has_a_sample()
    {
        var sampled = IntentSamples.Select(row => (string)row[0]).ToHashSet();
        var missing = DiagnosticCatalog.All.Where(d => d.Category == DiagnosticCatalog.CategoryIntent && !sampled.Contains(d.Code)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(IntentSamples))]
    public void The_intent_sample_produces_its_code_at_a_line(string code, string intent)
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("diff", dir.Write("template.yaml", Check.Function), "--intent", dir.Write("intent.yaml", intent));
        Assert.Matches($"intent\\.yaml:[0-9]+:[0-9]+: {Diagnostic.SeverityName(DiagnosticCatalog.Find(code)!.DefaultSeverity)} {code}: ", r.Err);
    }

    [Theory]
    [MemberData(nameof(CodeSamples.Cases), MemberType = typeof(CodeSamples))]
    public void The_sample_produces_its_code_at_a_line(CodeSample sample)
    {
        var found = TemplateValidator.Validate(sample.Bytes, sample.Options).Diagnostics;
        var d = found.FirstOrDefault(x => x.Code == sample.Code);
        Assert.True(d is not null, $"{sample.Code} not produced; got: {string.Join(" | ", found.Select(x => x.Format()))}");
        Assert.True(d.Span.Line > 0, $"{sample.Code} has no line");
        Assert.Equal(DiagnosticCatalog.Find(sample.Code)!.DefaultSeverity, d.Severity);
    }

    [Fact]
    public void A_clean_template_has_no_finding()
    {
        Assert.Empty(Check.All(Check.Function));
    }
}
