using SamPerms.Diagnostics;
using System.Text;
using SamPerms.Model;
using SamPerms.Validation;

namespace SamPerms.Output;

/// <summary><c>samperms validate --list-rules</c>: every code with its default severity, title and one line of why.</summary>
public static class RuleList
{
    public static string Text()
    {
        var sb = new StringBuilder();
        foreach (var d in DiagnosticCatalog.All)
        {
            sb.Append(d.Code).Append("  ").Append(Diagnostic.SeverityName(d.DefaultSeverity).PadRight(7)).Append("  ").Append(d.Title).Append('\n');
            sb.Append("        ").Append(Why(d)).Append('\n');
        }

        return sb.ToString();
    }

    public static string Json() => JsonText.Pretty(N.Map(("rules", N.Seq(DiagnosticCatalog.All.Select(d => (Node)N.Map(
        ("code", d.Code),
        ("severity", Diagnostic.SeverityName(d.DefaultSeverity)),
        ("category", d.Category),
        ("title", d.Title),
        ("why", Why(d))))))));

    /// <summary>The first sentence of the help text.</summary>
    public static string Why(DiagnosticDescriptor d)
    {
        var help = d.Help;
        for (int i = 0; i + 1 < help.Length; i++)
        {
            if (help[i] == '.' && help[i + 1] == ' ' && !(i >= 1 && char.IsDigit(help[i - 1])) && !EndsWithAbbreviation(help, i))
            {
                return help[..(i + 1)];
            }
        }

        return help;
    }

    private static bool EndsWithAbbreviation(string text, int dot) =>
        dot >= 3 && (text[(dot - 3)..dot] is "e.g" or "i.e" || text[(dot - 2)..dot] == "vs");
}
