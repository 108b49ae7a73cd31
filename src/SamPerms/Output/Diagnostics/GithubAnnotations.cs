using System.Text;
using SamPerms.Diagnostics;
using SamPerms.Output.Escaping;
using SamPerms.Validation;

namespace SamPerms.Output.Diagnostics;

/// <summary>Findings as GitHub Actions workflow commands: <c>::error file=t.yaml,line=12,col=9,title=SP2001::message</c>.</summary>
public static class GithubAnnotations
{
    public static string Write(IReadOnlyList<ValidatedFile> files)
    {
        var sb = new StringBuilder();
        foreach (var f in files)
        {
            foreach (var d in f.Report.Diagnostics)
            {
                var command = d.Severity switch
                {
                    Severity.Error => "error",
                    Severity.Warning => "warning",
                    _ => "notice",
                };
                sb.Append("::").Append(command).Append(" file=").Append(Property(f.UriPath));
                if (d.Span.IsKnown)
                {
                    sb.Append(",line=").Append(d.Line).Append(",col=").Append(d.Column)
                        .Append(",endLine=").Append(d.EndLine);
                    if (d.EndLine == d.Line)
                    {
                        sb.Append(",endColumn=").Append(d.EndColumn);
                    }
                }

                var title = DiagnosticCatalog.Find(d.Code)?.Title is { } t ? $"{d.Code} {t}" : d.Code;
                sb.Append(",title=").Append(Property(title)).Append("::").Append(Data($"{d.Code}: {d.Message}")).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Escaping of a command's message, as the Actions runner reads it.</summary>
    public static string Data(string s) =>
        Controls(s.Replace("%", "%25", StringComparison.Ordinal).Replace("##[", "##\\u005b", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal));

    /// <summary>Other control characters (ESC, BEL, tab, ...) as <see cref="TextEscape"/> writes them: shown, never obeyed.</summary>
    private static string Controls(string s) => s.Any(TextEscape.IsControl) ? string.Concat(s.Select(c => TextEscape.IsControl(c) ? TextEscape.Value(c.ToString()) : c.ToString())) : s;

    /// <summary>Escaping of a property value (also ':' and ',').</summary>
    public static string Property(string s) =>
        Data(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
