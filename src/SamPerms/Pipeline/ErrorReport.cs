using SamPerms.Model;
using SamPerms.Sam;

namespace SamPerms.Pipeline;

/// <summary>NAME.error.json: the reference's full message and each located diagnostic.</summary>
public static class ErrorReport
{
    public static MapNode Build(TransformOutcome outcome, string file)
    {
        var diagnostics = new SeqNode();
        foreach (var d in outcome.Diagnostics)
        {
            diagnostics.Add(N.Map(
                ("code", d.Code),
                ("severity", d.SeverityText),
                ("message", d.Message),
                ("file", file),
                ("line", d.Span.Line),
                ("column", d.Span.Column)));
        }

        return N.Map(("errorMessage", outcome.ErrorMessage ?? ""), ("diagnostics", diagnostics));
    }

    /// <summary>The report as the file's text.</summary>
    public static string Write(TransformOutcome outcome, string file) => JsonText.Pretty(Build(outcome, file));
}
