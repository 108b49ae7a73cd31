using SamPerms.Diagnostics;
using SamPerms.Permissions.Intent;

namespace SamPerms.Pipeline;

/// <summary>
/// A template's permissions against its author's intent: the intent declared inline (a function's
/// <c>Metadata: SamPerms</c>) overlaid by an intent file, checked for names the template lacks, then compared.
/// Exactly one of <see cref="Error"/>, <see cref="Diagnostics"/> (non-empty) and <see cref="Report"/> is the answer.
/// </summary>
public sealed record IntentCheck(string? Error, IReadOnlyList<Diagnostic> Diagnostics, string DiagnosticsFile, IntentReport? Report)
{
    /// <summary>Checks a mapped run (<see cref="TemplateRun.Mapped"/>, succeeded) against the intent it declares and <paramref name="intentFile"/>.</summary>
    public static IntentCheck Run(TemplateRun run, string? intentFile)
    {
        var map = run.Map ?? throw new ArgumentException("the intent check needs a mapped template", nameof(run));
        var templatePath = run.Path;
        var (inline, diagnostics) = IntentReader.ReadInline(run.Outcome!.Input, templatePath);
        var intent = inline;
        var diagnosticsFile = intentFile ?? templatePath;
        if (intentFile is not null)
        {
            var read = FileInput.Read(intentFile);
            if (read.Bytes is not { } bytes)
            {
                return new IntentCheck(read.Error, [], diagnosticsFile, null);
            }

            var (fromFile, fileDiagnostics) = IntentReader.ReadFile(bytes, intentFile);
            diagnostics.AddRange(fileDiagnostics);
            intent = fromFile.Over(inline);
        }
        else if (inline.Subjects.Count == 0)
        {
            return new IntentCheck($"no intent: give --intent FILE, or declare it in {templatePath} under a function's Metadata: SamPerms", [], diagnosticsFile, null);
        }

        diagnostics.AddRange(IntentDiff.Unknown(map, intent));
        return diagnostics.Count > 0
            ? new IntentCheck(null, diagnostics, diagnosticsFile, null)
            : new IntentCheck(null, [], diagnosticsFile, IntentDiff.Run(map, intent));
    }
}
