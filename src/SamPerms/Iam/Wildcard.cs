namespace SamPerms.Iam;

/// <summary>
/// IAM wildcard patterns: <c>*</c> matches any run of characters, <c>?</c> any one character. Actions compare
/// case-insensitively, resources (ARNs) case-sensitively, as IAM does.
/// </summary>
public static class Wildcard
{
    /// <summary>Does <paramref name="pattern"/> match the literal <paramref name="value"/>?</summary>
    public static bool Matches(string pattern, string value, bool ignoreCase)
    {
        // Iterative glob matching with single backtracking point: linear in practice, no recursion.
        int p = 0, v = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], value[v], ignoreCase)) && pattern[p] != '*')
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starV = v;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                v = ++starV;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>
    /// Does every value matched by <paramref name="narrow"/> also match <paramref name="wide"/>? Decided by
    /// matching the narrow pattern's text against the wide one, where a wildcard in the narrow pattern can only
    /// be covered by a <c>*</c> (or, for <c>?</c>, a <c>?</c> or <c>*</c>) in the wide one.
    /// </summary>
    public static bool Covers(string wide, string narrow, bool ignoreCase)
    {
        int w = 0, n = 0, starW = -1, starN = 0;
        while (n < narrow.Length)
        {
            if (w < wide.Length && wide[w] != '*' && CoversChar(wide[w], narrow[n], ignoreCase))
            {
                w++;
                n++;
            }
            else if (w < wide.Length && wide[w] == '*')
            {
                starW = w++;
                starN = n;
            }
            else if (starW >= 0)
            {
                w = starW + 1;
                n = ++starN;
            }
            else
            {
                return false;
            }
        }

        while (w < wide.Length && wide[w] == '*')
        {
            w++;
        }

        return w == wide.Length;
    }

    public static bool HasWildcard(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    private static bool CoversChar(char wide, char narrow, bool ignoreCase)
    {
        if (narrow == '*')
        {
            return false;
        }

        if (narrow == '?')
        {
            return wide == '?';
        }

        return wide == '?' || Same(wide, narrow, ignoreCase);
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
}
