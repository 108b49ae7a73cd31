namespace SamPerms.Model;

/// <summary>The <c>${...}</c> placeholders of an Fn::Sub string.</summary>
public static class SubPlaceholders
{
    /// <summary>The text inside each <c>${...}</c>, in order and as written; an unclosed one ends the scan.</summary>
    public static IEnumerable<string> Of(string text)
    {
        int i = 0;
        while ((i = text.IndexOf("${", i, StringComparison.Ordinal)) >= 0)
        {
            int end = text.IndexOf('}', i + 2);
            if (end < 0)
            {
                yield break;
            }

            yield return text[(i + 2)..end];
            i = end + 1;
        }
    }

    /// <summary>
    /// The text with each <c>${...}</c> replaced by what <paramref name="replace"/> returns for its inner text (null
    /// keeps the placeholder as written); an unclosed one ends the scan and stays as written, like the rest.
    /// </summary>
    public static string Replace(string text, Func<string, string?> replace)
    {
        // One builder per thread, taken while in use (a replacement may render another Sub through this method).
        var sb = t_builder ?? new System.Text.StringBuilder(text.Length);
        t_builder = null;
        sb.Clear();
        try
        {
            Fill(sb, text, replace);
            return sb.ToString();
        }
        finally
        {
            if (sb.Capacity <= KeptCapacity)
            {
                t_builder = sb;
            }
        }
    }

    [ThreadStatic]
    private static System.Text.StringBuilder? t_builder;

    private const int KeptCapacity = 1 << 14;

    private static void Fill(System.Text.StringBuilder sb, string text, Func<string, string?> replace)
    {
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf("${", i, StringComparison.Ordinal);
            int close = open < 0 ? -1 : text.IndexOf('}', open + 2);
            if (open < 0 || close < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }

            sb.Append(text, i, open - i);
            if (replace(text[(open + 2)..close]) is { } replacement)
            {
                sb.Append(replacement);
            }
            else
            {
                sb.Append(text, open, close - open + 1);
            }

            i = close + 1;
        }
    }
}
