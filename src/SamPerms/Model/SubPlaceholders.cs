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
        var sb = new System.Text.StringBuilder(text.Length);
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

        return sb.ToString();
    }
}
