namespace SamPerms.Tests.Support;

/// <summary>
/// What no output of SamPerms may do, whatever the input held: start a line with a GitHub Actions workflow command
/// (<c>::</c>, after the blanks the runner trims) unless the tool wrote it, hold the runner's older <c>##[</c>
/// form, or print a control character other than its own line breaks and tabs. Markdown must also keep HTML
/// from the input inert and every table row on one line.
/// </summary>
public static class OutputInvariants
{
    /// <summary>The tool's own annotations in the github format: <c>::error file=...</c> and the like.</summary>
    private static readonly string[] OwnCommands = ["::error file=", "::warning file=", "::notice file="];

    /// <summary>The first broken rule, or null. <paramref name="githubFormat"/>: the tool's own workflow commands are allowed.</summary>
    public static string? Violation(string output, bool githubFormat = false, bool markdown = false)
    {
        foreach (var c in output)
        {
            if ((c < ' ' && c is not '\n' and not '\t') || c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E'))
            {
                return $"control character U+{(int)c:X4} printed";
            }
        }

        if (output.Contains("##[", StringComparison.Ordinal))
        {
            return "'##[' printed";
        }

        var lines = output.Split('\n');
        bool inTable = false;
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("::", StringComparison.Ordinal) && !(githubFormat && OwnCommands.Any(o => line.StartsWith(o, StringComparison.Ordinal))))
            {
                return $"line starts with a workflow command: {line}";
            }

            if (markdown)
            {
                if (OutsideCode(line).Contains("<script", StringComparison.OrdinalIgnoreCase))
                {
                    return $"raw HTML from the input: {line}";
                }

                if (line.StartsWith('|'))
                {
                    inTable = true;
                    if (!line.EndsWith('|'))
                    {
                        return $"table row broken: {line}";
                    }
                }
                else if (inTable && line.Length > 0)
                {
                    return $"table interrupted by a line from a cell: {line}";
                }
                else
                {
                    inTable = false;
                }
            }
        }

        return null;
    }

    /// <summary>The line without its code spans (CommonMark: a run of n backticks up to the next run of exactly n).</summary>
    private static string OutsideCode(string line)
    {
        var sb = new System.Text.StringBuilder();
        int i = 0;
        while (i < line.Length)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                sb.Append(line, i, 2);
                i += 2;
                continue;
            }

            if (line[i] != '`')
            {
                sb.Append(line[i++]);
                continue;
            }

            int n = 0;
            while (i + n < line.Length && line[i + n] == '`')
            {
                n++;
            }

            int close = -1;
            for (int j = i + n; j < line.Length;)
            {
                int m = 0;
                while (j + m < line.Length && line[j + m] == '`')
                {
                    m++;
                }

                if (m == n)
                {
                    close = j;
                    break;
                }

                j += Math.Max(m, 1);
            }

            if (close < 0)
            {
                sb.Append(line, i, n);
                i += n;
            }
            else
            {
                i = close + n;
            }
        }

        return sb.ToString();
    }
}
