using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Permissions;
using SamPerms.Permissions.Explain;
using SamPerms.Validation;

namespace SamPerms.Pipeline;

/// <summary>
/// <c>report</c>'s front door: the template validated (which transforms it), mapped and explained, rendered as one
/// HTML page. <see cref="Html"/> is null when the file cannot be read (<see cref="ReadError"/>) or SAM rejects the
/// template (<see cref="Errors"/>). A resource type SAM does not know is an error too, the page still made (it shows
/// the finding at its line).
/// </summary>
public sealed record ReportPage(string? Html, string? ReadError, IReadOnlyList<Diagnostic> Errors)
{
    public static ReportPage Of(string path, TransformOptions options)
    {
        var read = FileInput.Read(path);
        if (read.Bytes is not { } bytes)
        {
            return read.Refusal is { } refusal ? new ReportPage(null, null, [refusal]) : new ReportPage(null, read.Error, []);
        }

        var validated = TemplateValidation.Run(path, bytes, new ValidationOptions { Transform = options });
        if (validated.Report.Outcome is not { Succeeded: true } outcome)
        {
            return new ReportPage(null, null, validated.Report.Diagnostics.Where(d => d.Severity == Severity.Error).ToList());
        }

        var map = PermissionMapBuilder.Build(outcome, options);
        var explain = ExplainBuilder.Build(outcome, map.Values!, null, map);
        var lines = validated.Lines.Select(l => l.TrimStart('\uFEFF')).ToList();
        var typeErrors = UnknownSamTypes.Find(outcome.Input as MapNode, options, path);
        return new ReportPage(ReportHtml.Write(path, lines, explain, map, validated.Report.Diagnostics), null, typeErrors);
    }
}
