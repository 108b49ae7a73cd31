using System.Globalization;
using System.Text;
using SamPerms.Output.Escaping;

namespace SamPerms.Output.Ci;

/// <summary>
/// A CI report as JUnit XML, the shape Jenkins, GitLab, Azure Pipelines and the JUnit report actions read:
/// <c>testsuites</c> › a <c>testsuite</c> per file › a <c>testcase</c> per subject without findings (passed) and
/// one per finding: with one <c>failure</c> (whose type is the code) when it fails the check, else its text as
/// <c>system-out</c>. Template text is data: escaped for XML, and
/// characters XML 1.0 cannot carry at all are written as <c>\uXXXX</c>.
/// </summary>
public static class JunitXml
{
    public static string Write(CiReport report)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        var total = report.Files.Sum(Cases);
        var failures = report.Files.Sum(f => f.Findings.Count(x => x.Failing));
        sb.Append("<testsuites name=\"samperms ").Append(report.Check).Append("\" tests=\"").Append(Num(total))
            .Append("\" failures=\"").Append(Num(failures)).Append("\" errors=\"0\">\n");
        foreach (var file in report.Files)
        {
            sb.Append("  <testsuite name=\"").Append(Attr(file.File)).Append("\" tests=\"").Append(Num(Cases(file)))
                .Append("\" failures=\"").Append(Num(file.Findings.Count(x => x.Failing))).Append("\" errors=\"0\" skipped=\"0\">\n");
            var classname = Attr($"{report.Check}.{file.File}");
            foreach (var subject in SubjectsOf(file))
            {
                var mine = file.Findings.Where(f => f.Subject == subject).ToList();
                if (mine.Count == 0)
                {
                    sb.Append("    <testcase name=\"").Append(Attr(subject)).Append("\" classname=\"").Append(classname).Append("\"/>\n");
                    continue;
                }

                foreach (var f in mine)
                {
                    sb.Append("    <testcase name=\"").Append(Attr($"{subject}: {f.Title}")).Append("\" classname=\"").Append(classname).Append("\">\n");
                    var detail = Text(Where(f) + ": " + f.Code + ": " + f.Message);
                    if (f.Failing)
                    {
                        sb.Append("      <failure message=\"").Append(Attr(f.Message)).Append("\" type=\"").Append(Attr(f.Code)).Append("\">")
                            .Append(detail).Append("</failure>\n");
                    }
                    else
                    {
                        sb.Append("      <system-out>").Append(detail).Append("</system-out>\n");
                    }

                    sb.Append("    </testcase>\n");
                }
            }

            sb.Append("  </testsuite>\n");
        }

        sb.Append("</testsuites>\n");
        return sb.ToString();
    }

    /// <summary>The subjects in order: those the check looked at, then any a finding names that were not listed.</summary>
    private static IEnumerable<string> SubjectsOf(CiFile file) =>
        file.Subjects.Concat(file.Findings.Select(f => f.Subject)).Distinct(StringComparer.Ordinal);

    private static int Cases(CiFile file) =>
        SubjectsOf(file).Sum(s => Math.Max(1, file.Findings.Count(f => f.Subject == s)));

    private static string Where(CiFinding f) => f.Line > 0 ? $"{f.File}:{f.Line}:{f.Column}" : f.File;

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>An attribute value: markup escaped, line breaks as character references (a parser would fold them).</summary>
    public static string Attr(string s) => Escape(s, attribute: true);

    /// <summary>Element text: markup escaped, line breaks as character references (so no line of the file starts with template text).</summary>
    public static string Text(string s) => Escape(s, attribute: false);

    private static string Escape(string s, bool attribute)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '[' when i >= 2 && s[i - 1] == '#' && s[i - 2] == '#': sb.Append("&#91;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"' when attribute: sb.Append("&quot;"); break;
                case '\n': sb.Append("&#10;"); break;
                case '\t': sb.Append(attribute ? "&#9;" : "\t"); break;
                case '\r': sb.Append("&#13;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[++i]);
                    }
                    else if (TextEscape.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
