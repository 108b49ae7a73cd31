using System.Text;
using SamPerms.Permissions.Intent;

using static SamPerms.Output.Escaping.TextEscape;

namespace SamPerms.Output;

/// <summary>
/// The intent check for a terminal: findings grouped by function, each with why and where; on a terminal that shows
/// colour, missing is red and excess yellow.
/// </summary>
public static class IntentDiffText
{
    public static string Write(IntentReport report, string templateFile) => Write(report, templateFile, TextOptions.Plain);

    public static string Write(IntentReport report, string templateFile, TextOptions options)
    {
        var style = options.Style;
        var sb = new StringBuilder();
        foreach (var group in report.Findings.GroupBy(f => f.Subject))
        {
            sb.Append(Value(group.Key)).Append('\n');
            foreach (var f in group)
            {
                var kind = IntentDiffJson.KindName(f.Kind).ToUpperInvariant();
                sb.Append("  ").Append(Tint(style, f.Kind, kind)).Append(' ', Math.Max(0, 13 - kind.Length))
                    .Append(f.Side == FindingSide.Invoke ? "invoke  " : "allow   ").Append(Value(What(f))).Append('\n');
                sb.Append("      ").Append(Value(f.Reason)).Append('\n');
                sb.Append("      at ").Append(Value(Where(f, templateFile))).Append('\n');
            }

            sb.Append('\n');
        }

        if (report.Findings.Count == 0)
        {
            sb.Append("No differences: the template grants what the intent declares.\n");
        }

        if (report.Unchecked.Count > 0)
        {
            sb.Append("Not in the intent (not checked): ").Append(string.Join(", ", report.Unchecked.Select(Value))).Append('\n');
        }

        sb.Append("summary: ").Append(Count(style, report, FindingKind.Missing, "missing")).Append(", ").Append(Count(style, report, FindingKind.Excess, "excess"))
            .Append(", ").Append(Count(style, report, FindingKind.Unverifiable, "unverifiable")).Append('\n');
        return style.Document(sb.ToString());
    }

    /// <summary>Missing red, excess yellow; unverifiable as it is.</summary>
    private static string Tint(TextStyle style, FindingKind kind, string text) => kind switch
    {
        FindingKind.Missing => style.Paint(Tone.Bad, text),
        FindingKind.Excess => style.Paint(Tone.Warn, text),
        _ => text,
    };

    private static string Count(TextStyle style, IntentReport report, FindingKind kind, string name)
    {
        var n = report.Count(kind);
        return n > 0 ? Tint(style, kind, $"{n} {name}") : $"{n} {name}";
    }

    /// <summary>"s3:GetObject on arn:..." or "s3.amazonaws.com from arn:..." — the row's subject matter.</summary>
    internal static string What(Finding f)
    {
        if (f.Side == FindingSide.Invoke)
        {
            var who = f.Principal ?? "event source mapping";
            return f.SourceArn is { } s ? $"{who} from {s}" : who;
        }

        if (f.Action is null)
        {
            return "(statements unknown)";
        }

        return $"{f.Action} on {f.Resource}";
    }

    internal static string Where(Finding f, string templateFile)
    {
        if (f.Origin is { } o)
        {
            var at = o.Span.IsKnown ? $"{templateFile}:{o.Span.Line}:{o.Span.Column}" : templateFile;
            var from = o.FromGlobals ? $"{o} from Globals" : o.ToString();
            return f.Intent is { } i ? $"{at} ({from}); declared at {IntentAt(i)}" : $"{at} ({from})";
        }

        return f.Intent is { } only ? $"{IntentAt(only)} ({only.Path})" : templateFile;
    }

    private static string IntentAt(IntentLocation i) => i.Span.IsKnown ? $"{i.File}:{i.Span.Line}:{i.Span.Column}" : i.File;
}
