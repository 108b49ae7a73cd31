using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Output.Ci;
using SamPerms.Output.Diagnostics;

namespace SamPerms.Output;

/// <summary>
/// The formats <c>samperms validate</c> writes, in the order its help lists them (the first is the default).
/// A new format is one writer file plus one line here.
/// </summary>
public static class ValidateFormats
{
    /// <summary>What a writer may need besides the findings shown.</summary>
    /// <param name="FailAt">The --fail-on level (null: none), which CI reports mark as failing.</param>
    /// <param name="ToolVersion">The tool's version, for SARIF.</param>
    /// <param name="Settings">The configuration used, for the JSON report's <c>settings</c> (null: left out).</param>
    public sealed record Context(Severity? FailAt, string ToolVersion, MapNode? Settings)
    {
        /// <summary>Colour of the text format where it lands (plain for files and pipes).</summary>
        public TextOptions Text { get; init; } = TextOptions.Plain;

        /// <summary>The level CI reports mark as failing; with --fail-on none, above every level (nothing fails).</summary>
        public Severity CiThreshold => FailAt ?? (Severity)((int)Severity.Error + 1);
    }

    public sealed record Format(string Name, string Description, Func<IReadOnlyList<ValidatedFile>, Context, string> Write);

    public static readonly IReadOnlyList<Format> All =
    [
        new("text", "file:line:col findings with the source line; table is the same", (files, c) => DiagnosticsText.Write(files, c.Text.Style)),
        new("json", "schemas/validate-output.schema.json", (files, c) => DiagnosticsJson.Write(files, c.Settings)),
        new("sarif", "SARIF 2.1.0 for code scanning", (files, c) => SarifLog.Write(files, c.ToolVersion)),
        new("github", "GitHub workflow annotations", (files, _) => GithubAnnotations.Write(files)),
        new("markdown", "for a PR comment or the job summary", (files, _) => DiagnosticsMarkdown.Write(files)),
        new("junit", "JUnit XML test report", (files, c) => JunitXml.Write(CiReports.FromValidation(files, c.CiThreshold))),
        new("codequality", "GitLab Code Quality", (files, c) => CodeQualityJson.Write(CiReports.FromValidation(files, c.CiThreshold))),
    ];

    /// <summary>"text (...), json (...), ...": the formats for a help text.</summary>
    public static string Help => string.Join(", ", All.Select(f => $"{f.Name} ({f.Description})"));

    /// <summary>The format called <paramref name="name"/> (<c>table</c> is <c>text</c>); the default (the first) when there is none.</summary>
    public static Format Named(string? name) => All.FirstOrDefault(f => f.Name == (name == "table" ? "text" : name)) ?? All[0];
}
