using System.Text;

namespace SamPerms.Yaml;

/// <summary>
/// YamlDotNet refuses a literal or folded block scalar (<c>|</c>, <c>&gt;</c>) whose first lines are blank but
/// hold spaces ("found extra spaces in first line"), which PyYAML, and so SAM, read: such lines are empty
/// lines of the scalar as long as they are no wider than its first text line. This rewrites exactly those
/// lines to empty ones before YamlDotNet reads the text; line and column of everything else are unchanged, and
/// a blank line wider than the text that follows (which PyYAML refuses too) is left as it is.
/// </summary>
internal static class BlockScalarBlankLines
{
    public static string Normalize(string text)
    {
        // Cheap exit: most templates have no line that holds only spaces.
        if (!HasSpacesOnlyLine(text))
        {
            return text;
        }

        var lines = text.Split('\n');
        bool changed = false;
        for (int i = 0; i < lines.Length - 1; i++)
        {
            if (!IsBlockHeader(lines[i].TrimEnd('\r')))
            {
                continue;
            }

            int first = i + 1, next = first;
            int widest = 0;
            while (next < lines.Length && IsBlank(lines[next]))
            {
                widest = Math.Max(widest, Width(lines[next]));
                next++;
            }

            if (next == first || widest == 0 || next >= lines.Length || widest > Indent(lines[next]))
            {
                continue;
            }

            for (int k = first; k < next; k++)
            {
                lines[k] = lines[k].EndsWith('\r') ? "\r" : string.Empty;
            }

            changed = true;
            i = next - 1;
        }

        return changed ? string.Join('\n', lines) : text;
    }

    /// <summary>A line that ends in a block scalar indicator: <c>key: |</c>, <c>- &gt;-</c>, <c>key: !Sub |2</c>, optionally with a comment.</summary>
    private static bool IsBlockHeader(string line)
    {
        var body = line;
        int hash = line.IndexOf(" #", StringComparison.Ordinal);
        if (hash >= 0)
        {
            body = line[..hash];
        }

        body = body.TrimEnd(' ', '\t');
        int end = body.Length;
        while (end > 0 && (char.IsAsciiDigit(body[end - 1]) || body[end - 1] is '+' or '-'))
        {
            end--;
        }

        if (end == 0 || body[end - 1] is not ('|' or '>'))
        {
            return false;
        }

        return end == 1 || body[end - 2] is ' ' or '\t';
    }

    private static bool HasSpacesOnlyLine(string text)
    {
        int i = text.IndexOf("\n ", StringComparison.Ordinal);
        while (i >= 0)
        {
            int k = i + 1;
            while (k < text.Length && text[k] == ' ')
            {
                k++;
            }

            if (k == text.Length || text[k] is '\n' or '\r')
            {
                return true;
            }

            i = text.IndexOf("\n ", k, StringComparison.Ordinal);
        }

        return false;
    }

    private static bool IsBlank(string line)
    {
        foreach (var c in line)
        {
            if (c is not (' ' or '\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static int Width(string line) => line.TrimEnd('\r').Length;

    private static int Indent(string line)
    {
        int n = 0;
        while (n < line.Length && line[n] == ' ')
        {
            n++;
        }

        return n;
    }
}
