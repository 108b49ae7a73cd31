using System.Text;

namespace SamPerms.Output.Diff;

/// <summary>Reports one after another, each under its heading, a blank line between: the readable formats' several-template form.</summary>
public static class DiffSections
{
    public static string Join<T>(IEnumerable<T> sections, Func<T, string> heading, Func<T, string> body)
    {
        var sb = new StringBuilder();
        foreach (var s in sections)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(heading(s)).Append(body(s));
        }

        return sb.ToString();
    }
}
