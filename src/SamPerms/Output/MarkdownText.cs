namespace SamPerms.Output;

/// <summary>Small helpers for GitHub-flavoured Markdown tables.</summary>
public static class MarkdownText
{
    /// <summary>A table cell: code-formatted, pipes escaped, line breaks as &lt;br&gt;.</summary>
    public static string Code(string text) =>
        text.Length == 0 ? "" : "`" + text.Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal) + "`";

    /// <summary>Several values in one cell, one per line.</summary>
    public static string Codes(IEnumerable<string> items) => string.Join("<br>", items.Select(Code));

    /// <summary>Plain text in a cell.</summary>
    public static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    public static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |\n";

    public static string Header(params string[] cells) =>
        Row(cells) + "|" + string.Concat(cells.Select(_ => "---|")) + "\n";
}
