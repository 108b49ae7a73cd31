using SamPerms.Model;
using SamPerms.Permissions.Intent;
using static SamPerms.Output.PermissionsJson;

namespace SamPerms.Output;

/// <summary>
/// The intent check as JSON (schemas/intent-diff.schema.json):
/// <c>{"findings":[{kind, function, side, action, resource, principal, source, origin, line, column, ...}], "summary":{missing, excess, unverifiable}}</c>.
/// A finding's origin, line and column point at the template line that grants it, else at the intent entry.
/// </summary>
public static class IntentDiffJson
{
    public static MapNode Build(IntentReport report, string templateFile)
    {
        var findings = new SeqNode();
        foreach (var f in report.Findings)
        {
            findings.Add(Finding(f, templateFile));
        }

        return N.Map(
            ("findings", findings),
            ("summary", N.Map(
                ("missing", report.Count(FindingKind.Missing)),
                ("excess", report.Count(FindingKind.Excess)),
                ("unverifiable", report.Count(FindingKind.Unverifiable)))),
            ("unchecked", N.Strings(report.Unchecked)));
    }

    public static string Write(IntentReport report, string templateFile) => JsonText.Pretty(Build(report, templateFile));

    private static MapNode Finding(Finding f, string templateFile)
    {
        var (origin, file, span) = f.Origin is { } o
            ? (o.ToString(), templateFile, o.Span)
            : f.Intent is { } i ? (i.ToString(), i.File, i.Span) : ("", templateFile, default);
        return N.Map(
            ("kind", KindName(f.Kind)),
            ("function", f.Subject),
            ("side", f.Side == FindingSide.Invoke ? "invoke" : "allow"),
            ("action", Nullable(f.Action)),
            ("resource", Nullable(f.Resource)),
            ("principal", Nullable(f.Principal)),
            ("source", Nullable(f.SourceArn)),
            ("origin", origin),
            ("line", span.IsKnown ? span.Line : NullNode.Instance),
            ("column", span.IsKnown ? span.Column : NullNode.Instance),
            ("file", file),
            ("reason", f.Reason),
            ("intent", f.Intent is { } at
                ? N.Map(("file", at.File), ("path", at.Path), ("line", at.Span.IsKnown ? at.Span.Line : NullNode.Instance), ("column", at.Span.IsKnown ? at.Span.Column : NullNode.Instance))
                : NullNode.Instance));
    }

    public static string KindName(FindingKind kind) => kind switch
    {
        FindingKind.Missing => "missing",
        FindingKind.Excess => "excess",
        _ => "unverifiable",
    };
}
