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
}
