using System.Globalization;
using System.Text;
using SamPerms.Permissions;

namespace SamPerms.Output;

/// <summary>
/// The permission graph as inline SVG, in three columns: who may invoke (principals, pollers) → functions and
/// state machines → what their roles may act on. Long labels are shortened; the full text is the node's title.
/// </summary>
public static class PermissionGraphSvg
{
    private const int ColumnWidth = 300, Gap = 60, RowHeight = 40, BoxHeight = 28, MaxLabel = 38;

    public static string Write(PermissionMap map)
    {
        var left = new List<string>();
        var middle = map.Subjects.Select(s => s.LogicalId).ToList();
        var right = new List<string>();
        var edges = new List<(int From, int FromColumn, int To, int ToColumn, string Label)>();
        for (int si = 0; si < map.Subjects.Count; si++)
        {
            var s = map.Subjects[si];
            foreach (var i in s.InvokedBy)
            {
                edges.Add((IndexOf(left, i.Principal), 0, si, 1, i.Action));
            }

            foreach (var p in s.Pollers)
            {
                edges.Add((IndexOf(left, "poller of " + p.EventSourceArn.Text), 0, si, 1, "uses the function's role"));
            }

            foreach (var g in s.MayDo.Where(g => g.IsAllow && !g.Opaque && !g.NotResource))
            {
                foreach (var r in g.Resources)
                {
                    var label = string.Join(", ", g.Actions.Take(2)) + (g.Actions.Count > 2 ? $" +{g.Actions.Count - 2}" : "");
                    edges.Add((si, 1, IndexOf(right, r.Text), 2, label));
                }
            }
        }

        int rows = Math.Max(1, Math.Max(left.Count, Math.Max(middle.Count, right.Count)));
        int width = (3 * ColumnWidth) + (2 * Gap) + 20, height = (rows * RowHeight) + 40;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"graph\" role=\"img\" aria-labelledby=\"graph-title\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        sb.Append("<title id=\"graph-title\">Permission graph: who may invoke each function, and what its role may act on</title>\n");
        sb.Append("<text class=\"col\" x=\"10\" y=\"16\">may invoke</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"col\" x=\"{10 + ColumnWidth + Gap}\" y=\"16\">functions and state machines</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"col\" x=\"{10 + (2 * (ColumnWidth + Gap))}\" y=\"16\">their roles may act on</text>\n");
        foreach (var (from, fc, to, tc, label) in edges.Distinct())
        {
            double x1 = X(fc) + ColumnWidth, y1 = Y(from) + (BoxHeight / 2.0), x2 = X(tc), y2 = Y(to) + (BoxHeight / 2.0);
            sb.Append(CultureInfo.InvariantCulture, $"<path class=\"edge\" d=\"M{x1},{y1} C{x1 + (Gap / 2.0)},{y1} {x2 - (Gap / 2.0)},{y2} {x2},{y2}\"><title>{HtmlText.Escape(label)}</title></path>\n");
        }

        Nodes(sb, left, 0, "invoker");
        Nodes(sb, middle, 1, "subject");
        Nodes(sb, right, 2, "target");
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static void Nodes(StringBuilder sb, List<string> labels, int column, string kind)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            var full = labels[i];
            var shown = full.Length > MaxLabel ? full[..(MaxLabel - 1)] + "…" : full;
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"node {kind}\"><title>{HtmlText.Escape(full)}</title><rect x=\"{X(column)}\" y=\"{Y(i)}\" width=\"{ColumnWidth}\" height=\"{BoxHeight}\" rx=\"6\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{X(column) + 8}\" y=\"{Y(i) + 18}\">{HtmlText.Escape(shown)}</text></g>\n");
        }
    }

    private static int X(int column) => 10 + (column * (ColumnWidth + Gap));

    private static int Y(int row) => 30 + (row * RowHeight);

    private static int IndexOf(List<string> list, string label)
    {
        int i = list.IndexOf(label);
        if (i >= 0)
        {
            return i;
        }

        list.Add(label);
        return list.Count - 1;
    }
}
