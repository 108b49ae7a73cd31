using SamPerms.Diagnostics;
using System.CommandLine;
using SamPerms.Validation;

namespace SamPerms.Cli.Commands;

/// <summary>Options every report command shares, and the one vocabulary they use (text format, comma lists).</summary>
public static class ReportOptions
{
    /// <summary><c>--output-file FILE</c>: the report to a file (written atomically) instead of stdout.</summary>
    public static Option<string?> OutputFile() => new("--output-file")
    {
        Description = "Write the report to FILE (atomically) instead of stdout; never one of the inputs",
    };

    /// <summary><c>-t/--template-file</c>, as <c>sam</c> names it.</summary>
    public static Option<string[]> TemplateFile(bool several) => new("--template-file", "-t")
    {
        Description = several
            ? "SAM template (repeatable; also folders and quoted globs such as '**/template.yaml'; - reads stdin) [default: template.yaml, .yml or .json here]"
            : "SAM template (- reads stdin) [default: template.yaml, template.yml or template.json in the current directory]",
    };

    /// <summary>
    /// <c>--format</c>, accepting <c>table</c> for <c>text</c> (the plain format's name in every command; older
    /// command lines said table).
    /// </summary>
    public static Option<string> Format(string description, params string[] formats)
    {
        var o = new Option<string>("--format", "-f") { Description = description, DefaultValueFactory = _ => formats[0] };
        o.AcceptOnlyFromAmong([.. formats, .. formats.Contains("text") ? new[] { "table" } : []]);
        return o;
    }

    /// <summary>The format asked for, <c>table</c> read as <c>text</c>.</summary>
    public static string FormatOf(ParseResult parse, Option<string> format) =>
        parse.GetValue(format) is "table" or null ? "text" : parse.GetValue(format)!;

    /// <summary>
    /// The values of a list option given as comma lists, repeated flags, or both
    /// (<c>--fail-on missing,unverifiable</c>, <c>--ignore A --ignore B</c>).
    /// </summary>
    public static List<string> Items(IEnumerable<string>? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>Each item one of <paramref name="allowed"/>; else the message (with a suggestion).</summary>
    public static string? CheckItems(string option, IEnumerable<string> items, IReadOnlyCollection<string> allowed)
    {
        foreach (var item in items)
        {
            if (!allowed.Contains(item))
            {
                return $"{option} {item}: not one of {string.Join(", ", allowed)}{Suggest.DidYouMean(item, allowed)}";
            }
        }

        return null;
    }
}
