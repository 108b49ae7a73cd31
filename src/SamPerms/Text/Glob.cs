namespace SamPerms.Text;

/// <summary>
/// Plain glob matching: <c>*</c> matches any run of characters, <c>?</c> any one character, everything else itself
/// (optionally ignoring case). Iterative, with a single backtracking point: linear in practice, no recursion; the
/// worst case is the product of the lengths (callers that face hostile input bound that themselves).
/// </summary>
public static class Glob
{
    public static bool Matches(string pattern, string value, bool ignoreCase)
    {
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

    /// <summary>The same character, or (ignoring case) the same in lower case.</summary>
    public static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
}
