using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation;

namespace SamPerms.Output.Diagnostics;

/// <summary>
/// Findings as SARIF 2.1.0, the format GitHub code scanning uploads: one run whose driver lists the rules reported
/// (with help), and one result per finding with its region in the template.
/// </summary>
public static class SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static MapNode Build(IReadOnlyList<ValidatedFile> files, string toolVersion)
    {
        // The rules of the codes reported, in code order (SARIF needs no more; README lists them all).
        var rules = new SeqNode();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var reported = files.SelectMany(f => f.Report.Diagnostics).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var d in DiagnosticCatalog.All.Where(d => reported.Contains(d.Code)))
        {
            index[d.Code] = rules.Count;
            rules.Add(Rule(d));
        }

        var results = new SeqNode();
        foreach (var f in files)
        {
            foreach (var d in f.Report.Diagnostics)
            {
                results.Add(Result(f, d, index.TryGetValue(d.Code, out var i) ? i : -1));
            }
        }

        var driver = N.Map(
            ("name", "SamPerms"),
            ("informationUri", ProjectHome.Url),
            ("version", toolVersion),
            ("semanticVersion", toolVersion),
            ("rules", rules));
        var run = N.Map(
            ("tool", N.Map(("driver", driver))),
            ("originalUriBaseIds", N.Map((SourceRoot, N.Map(("description", N.Map(("text", "The directory samperms ran in (in CI, the repository root): relative template paths are relative to it."))))))),
            ("columnKind", "unicodeCodePoints"),
            ("results", results));
        return N.Map(("$schema", SchemaUri), ("version", "2.1.0"), ("runs", N.Seq(run)));
    }

    public static string Write(IReadOnlyList<ValidatedFile> files, string toolVersion) => JsonText.Pretty(Build(files, toolVersion));

    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static MapNode Rule(DiagnosticDescriptor d) => N.Map(
        ("id", d.Code),
        ("name", RuleName(d.Title)),
        ("shortDescription", N.Map(("text", d.Title))),
        ("fullDescription", N.Map(("text", d.Help))),
        ("help", N.Map(("text", d.Help), ("markdown", $"**{d.Code}: {d.Title}**\n\n{d.Help}"))),
        ("helpUri", ProjectHome.HelpFor(d.Code)),
        ("defaultConfiguration", N.Map(("level", Level(d.DefaultSeverity)))),
        ("properties", N.Map(("category", d.Category), ("tags", N.Strings(["sam", d.Category])))));

    private static MapNode Result(ValidatedFile f, Diagnostic d, int ruleIndex)
    {
        // GitHub needs a region with a line; a finding without a place is reported at the top of the file.
        var region = d.Span.IsKnown
            ? N.Map(("startLine", d.Line), ("startColumn", d.Column), ("endLine", d.EndLine), ("endColumn", d.EndColumn))
            : N.Map(("startLine", 1));
        var physical = N.Map(
            ("artifactLocation", ArtifactLocation(f.UriPath)),
            ("region", region));
        var location = N.Map(("physicalLocation", physical));
        if (d.Path is not null)
        {
            location.Set("logicalLocations", N.Seq(N.Map(("fullyQualifiedName", d.Path), ("kind", "member"))));
        }

        var result = N.Map(
            ("ruleId", d.Code),
            ("level", Level(d.Severity)),
            ("message", N.Map(("text", d.Message))),
            ("locations", N.Seq(location)));
        if (ruleIndex >= 0)
        {
            result.Set("ruleIndex", ruleIndex);
        }

        return result;
    }

    /// <summary>The base of relative template paths, declared in the run's originalUriBaseIds.</summary>
    public const string SourceRoot = "SRCROOT";

    /// <summary>A relative path stays relative to <see cref="SourceRoot"/> (GitHub resolves it against the repository); an absolute one is a file URI.</summary>
    private static MapNode ArtifactLocation(string path) =>
        System.IO.Path.IsPathRooted(path) ? N.Map(("uri", Uri(path))) : N.Map(("uri", Uri(path)), ("uriBaseId", SourceRoot));

    /// <summary>A relative path stays relative (GitHub resolves it against the repository); an absolute one becomes a file URI.</summary>
    private static string Uri(string path) =>
        System.IO.Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : path;

    /// <summary>"A statement allows every action" → "AStatementAllowsEveryAction", SARIF's rule name form.</summary>
    private static string RuleName(string title)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (w.Length > 0)
            {
                sb.Append(char.ToUpperInvariant(w[0])).Append(w.AsSpan(1));
            }
        }

        return sb.ToString();
    }
}
