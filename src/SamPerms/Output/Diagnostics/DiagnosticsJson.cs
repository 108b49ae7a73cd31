using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation;

namespace SamPerms.Output.Diagnostics;

/// <summary>Findings as JSON (schemas/validate-output.schema.json): one entry per finding, and counts.</summary>
public static class DiagnosticsJson
{
    public const string SchemaId = "urn:samperms:validate-output:1";

    public static MapNode Build(IReadOnlyList<ValidatedFile> files)
    {
        var list = new SeqNode();
        int errors = 0, warnings = 0, infos = 0;
        foreach (var f in files)
        {
            foreach (var d in f.Report.Diagnostics)
            {
                list.Add(Entry(f, d));
                switch (d.Severity)
                {
                    case Severity.Error: errors++; break;
                    case Severity.Warning: warnings++; break;
                    default: infos++; break;
                }
            }
        }

        return N.Map(
            ("schema", SchemaId),
            ("templates", N.Strings(files.Select(f => f.UriPath))),
            ("diagnostics", list),
            ("summary", N.Map(("errors", errors), ("warnings", warnings), ("infos", infos))));
    }

    /// <summary>The report's text; with <paramref name="settings"/>, the configuration used as its <c>settings</c>.</summary>
    public static string Write(IReadOnlyList<ValidatedFile> files, MapNode? settings = null)
    {
        var report = Build(files);
        if (settings is not null)
        {
            report.Set("settings", settings);
        }

        return JsonText.Pretty(report);
    }

    private static MapNode Entry(ValidatedFile f, Diagnostic d)
    {
        var descriptor = DiagnosticCatalog.Find(d.Code);
        return N.Map(
            ("file", f.UriPath),
            ("line", d.Line),
            ("column", d.Column),
            ("endLine", d.EndLine),
            ("endColumn", d.EndColumn),
            ("severity", d.SeverityText),
            ("code", d.Code),
            ("title", descriptor is null ? null : (Node)descriptor.Title),
            ("message", d.Message),
            ("path", d.Path is null ? NullNode.Instance : d.Path));
    }
}
