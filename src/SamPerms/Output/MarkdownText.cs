using SamPerms.Output.Escaping;

namespace SamPerms.Output;

/// <summary>Small helpers for GitHub-flavoured Markdown tables; values are escaped by <see cref="MarkdownEscape"/>.</summary>
public static class MarkdownText
{
    /// <summary>A value in a table cell, as a code span.</summary>
    public static string Code(string text) => MarkdownEscape.Code(text);

    /// <summary>Several values in one cell, one per line.</summary>
    public static string Codes(IEnumerable<string> items) => string.Join("<br>", items.Select(Code));

    /// <summary>Prose in a cell: each of the tool's lines escaped, joined with &lt;br&gt;.</summary>
    public static string Cell(string text) => string.Join("<br>", text.Split('\n').Select(MarkdownEscape.Text));

    public static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |\n";

    public static string Header(params string[] cells) =>
        Row(cells) + "|" + string.Concat(cells.Select(_ => "---|")) + "\n";
}
