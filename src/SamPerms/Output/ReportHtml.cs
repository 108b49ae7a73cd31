using System.Text;
using SamPerms.Permissions;
using SamPerms.Permissions.Explain;
using SamPerms.Diagnostics;

namespace SamPerms.Output;

/// <summary>
/// <c>samperms report</c>: one self-contained HTML page (inline CSS and script, nothing fetched, works from
/// file://). Left: the template with line numbers, lines that cause generated resources as links, findings at
/// their lines. Right: the generated resources grouped by origin, the permission graph as inline SVG, and per
/// function its invokers and role grants. Everything is in the HTML; the script only adds highlighting (a
/// property and what it produced, and back). Every template string is escaped.
/// </summary>
public static class ReportHtml
{
    public static string Write(string file, IReadOnlyList<string> lines, ExplainReport explain, PermissionMap? map, IReadOnlyList<Diagnostic> findings)
    {
        var causeAt = new Dictionary<int, string>();
        foreach (var r in explain.Resources.Where(r => !r.Implicit))
        {
            foreach (var g in r.Groups.Where(g => g.Span.IsKnown))
            {
                causeAt.TryAdd(g.Span.Line, CauseId(r, g));
            }
        }

        var findingsAt = findings.Where(d => d.Span.IsKnown).GroupBy(d => d.Span.Line).ToDictionary(g => g.Key, g => g.ToList());
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>SamPerms report: ").Append(HtmlText.Escape(file)).Append("</title>\n<style>").Append(ReportAssets.Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header><h1>How SAM expands <code>").Append(HtmlText.Escape(file)).Append("</code></h1>\n<p>")
            .Append(explain.Resources.Count).Append(" SAM resources, ").Append(explain.Resources.Sum(r => r.Groups.Sum(g => g.Resources.Count(x => !x.Modified))))
            .Append(" generated resources, ").Append(findings.Count).Append(findings.Count == 1 ? " finding" : " findings")
            .Append(". Select a highlighted line of the template to see what it produced, or a generated resource to see its line.</p></header>\n");
        sb.Append("<main>\n<section class=\"source\" aria-label=\"Template source\"><h2>Template</h2>\n<pre><code>");
        for (int i = 0; i < lines.Count; i++)
        {
            int n = i + 1;
            var text = HtmlText.Escape(lines[i]);
            sb.Append("<span class=\"line").Append(findingsAt.ContainsKey(n) ? " has-finding" : "").Append("\" id=\"L").Append(n).Append("\"><span class=\"ln\" aria-hidden=\"true\">")
                .Append(n).Append("</span>");
            if (causeAt.TryGetValue(n, out var cause))
            {
                sb.Append("<a class=\"cause\" href=\"#g-").Append(cause).Append("\" data-cause=\"").Append(cause).Append("\">").Append(text).Append("</a>");
            }
            else
            {
                sb.Append(text);
            }

            sb.Append("</span>");
            foreach (var d in findingsAt.GetValueOrDefault(n) ?? [])
            {
                sb.Append("<span class=\"finding ").Append(Severity(d)).Append("\" role=\"note\">").Append(HtmlText.Escape($"{Severity(d)} {d.Code}: {d.Message}")).Append("</span>");
            }
        }

        sb.Append("</code></pre></section>\n<section class=\"generated\" aria-label=\"What SAM generates\">\n<h2>What SAM generates, by origin</h2>\n");
        foreach (var r in explain.Resources)
        {
            WriteResource(sb, r, file);
        }

        if (map is not null)
        {
            sb.Append("<h2>Permission graph</h2>\n").Append(PermissionGraphSvg.Write(map));
            sb.Append("<h2>Who may invoke each function, and what its role may do</h2>\n");
            foreach (var s in map.Subjects)
            {
                sb.Append("<details open class=\"subject\"><summary>").Append(HtmlText.Escape(s.LogicalId)).Append("</summary><pre>")
                    .Append(HtmlText.Escape(PermissionsText.Write(map.Only(s), file).TrimEnd()))
                    .Append("</pre></details>\n");
            }
        }

        sb.Append("<h2>Findings</h2>\n");
        if (findings.Count == 0)
        {
            sb.Append("<p>No findings.</p>\n");
        }
        else
        {
            sb.Append("<ul class=\"findings\">\n");
            foreach (var d in findings)
            {
                sb.Append("<li class=\"").Append(Severity(d)).Append("\">");
                if (d.Span.IsKnown)
                {
                    sb.Append("<a href=\"#L").Append(d.Span.Line).Append("\">line ").Append(d.Span.Line).Append("</a> ");
                }

                sb.Append(HtmlText.Escape($"{Severity(d)} {d.Code}: {d.Message}")).Append("</li>\n");
            }

            sb.Append("</ul>\n");
        }

        sb.Append("</section>\n</main>\n<script>").Append(ReportAssets.Script).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void WriteResource(StringBuilder sb, ExplainedResource r, string file)
    {
        sb.Append("<article class=\"sam\" id=\"sam-").Append(HtmlText.Id(r.LogicalId)).Append("\"><h3><code>").Append(HtmlText.Escape(r.LogicalId)).Append("</code> <span class=\"type\">")
            .Append(HtmlText.Escape(r.Type)).Append("</span> ");
        sb.Append(r.Implicit ? "<span class=\"where\">created by SAM for the events that name no API</span>" : $"<a class=\"where\" href=\"#L{r.Span.Line}\">line {r.Span.Line}</a>");
        sb.Append("</h3>\n");
        if (r.TemplateCondition is { } condition)
        {
            sb.Append("<p class=\"condition").Append(r.ConditionValue == false ? " not-deployed" : "").Append("\">")
                .Append(HtmlText.Escape(TemplateConditionText.Of(condition, r.ConditionValue))).Append("</p>\n");
        }

        foreach (var g in r.Groups)
        {
            var id = CauseId(r, g);
            sb.Append("<div class=\"group\" id=\"g-").Append(id).Append("\" data-cause=\"").Append(id).Append("\"><h4>")
                .Append(g.PropertyPath.Length == 0 ? "the resource itself" : "<code>" + HtmlText.Escape(g.PropertyPath) + "</code>");
            if (g.FromGlobals)
            {
                sb.Append(" <span class=\"globals\">from Globals</span>");
            }

            if (g.Span.IsKnown && !(r.Implicit && g.PropertyPath.Length == 0))
            {
                sb.Append(" <a class=\"where\" href=\"#L").Append(g.Span.Line).Append("\">line ").Append(g.Span.Line).Append("</a>");
            }

            sb.Append("</h4>\n<ul class=\"resources\">\n");
            foreach (var x in g.Resources)
            {
                sb.Append("<li><button type=\"button\" class=\"res").Append(x.Modified ? " modified" : "").Append("\" data-cause=\"").Append(id).Append("\" id=\"r-")
                    .Append(HtmlText.Id(x.LogicalId)).Append(x.Modified ? "-" + id : "").Append("\"><code>").Append(HtmlText.Escape(x.LogicalId)).Append("</code> <span class=\"type\">")
                    .Append(HtmlText.Escape(x.Type)).Append("</span>");
                if (x.Modified)
                {
                    sb.Append(" <span class=\"changed\">yours, SAM sets ").Append(HtmlText.Escape(string.Join(", ", x.ChangedProperties ?? []))).Append("</span>");
                }

                sb.Append("</button></li>\n");
            }

            sb.Append("</ul>\n");
            foreach (var s in g.Sentences)
            {
                sb.Append("<p class=\"sentence\">").Append(SentenceHtml(s)).Append("</p>\n");
            }

            sb.Append("</div>\n");
        }

        sb.Append("</article>\n");
    }

    /// <summary>The sentence escaped piece by piece, its marked ids as code.</summary>
    private static string SentenceHtml(string sentence)
    {
        var sb = new StringBuilder();
        var pieces = sentence.Split(ExplainContext.IdStart, ExplainContext.IdEnd);
        for (int i = 0; i < pieces.Length; i++)
        {
            sb.Append(i % 2 == 1 ? "<code>" + HtmlText.Escape(pieces[i]) + "</code>" : HtmlText.Escape(pieces[i]));
        }

        return sb.ToString();
    }

    private static string CauseId(ExplainedResource r, ExplainGroup g) => HtmlText.Id(r.LogicalId + (g.PropertyPath.Length == 0 ? "" : "." + g.PropertyPath));

    private static string Severity(Diagnostic d) => d.Severity.ToString().ToLowerInvariant();
}
