namespace SamPerms.Iam;

/// <summary>
/// The IAM User Guide's rule for wildcards in resource ARNs ("IAM JSON policy elements: Resource", section
/// "Using wildcards in resource ARNs"): <c>*</c> and <c>?</c> work within the individual segments of an ARN (the
/// parts separated by colons) — <c>?</c> is one character of the segment, <c>*</c> any run of them — except that a
/// <c>*</c> that is the last character of a segment can expand to match beyond the colon boundaries. So
/// <c>arn:aws:sns:eu-*2:alerts</c> does not reach across a colon, while <c>arn:aws:s3:::bucket/*</c> and
/// <c>arn:aws:logs:*:*:*</c> do. <see cref="Encode"/> rewrites a pattern so that <see cref="Wildcard"/> keeps the
/// segment-bound wildcards from producing a colon; matching stays case-sensitive in every part (the page's own
/// note: the IAM user name is case sensitive; no part is documented as case-insensitive).
/// The page also says a wildcard cannot be used in the service segment: <see cref="ServiceHasWildcard"/>.
/// </summary>
public static class ArnWildcards
{
    /// <summary>A star bound to its segment: any run of characters without a colon.</summary>
    public const char SegmentStar = '\uF8F0';

    /// <summary>A question mark: any one character but a colon.</summary>
    public const char SegmentOne = '\uF8F1';

    /// <summary>
    /// Any run of letters, digits and hyphens: the values of a name CloudFormation generates (a function's
    /// "stack-Fn-1A2B3C4D"), which hold no underscore, slash or colon (see <see cref="SymbolicPattern.GeneratedName"/>).
    /// </summary>
    public const char NameStar = '\uF8F2';

    /// <summary>Can <see cref="NameStar"/> produce the character?</summary>
    public static bool InGeneratedName(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    /// <summary>The pattern with segment-bound wildcards marked (a star ending a segment, or the pattern, stays a plain star).</summary>
    public static string Encode(string pattern)
    {
        if (pattern.AsSpan().IndexOfAny('*', '?') < 0)
        {
            return pattern;
        }

        var chars = pattern.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '?')
            {
                chars[i] = SegmentOne;
            }
            else if (chars[i] == '*' && i + 1 < chars.Length && chars[i + 1] != ':' && chars[i + 1] != '*')
            {
                chars[i] = SegmentStar;
            }
        }

        // A run of stars ending a segment spans as one star does; a run inside a segment stays inside.
        for (int i = chars.Length - 2; i >= 0; i--)
        {
            if (chars[i] == '*' && chars[i + 1] == SegmentStar)
            {
                chars[i] = SegmentStar;
            }
        }

        return new string(chars);
    }

    /// <summary>Is there a wildcard in the service segment (<c>arn:aws:s*:::b</c>), which the Resource page says cannot be used?</summary>
    public static bool ServiceHasWildcard(string pattern)
    {
        if (!pattern.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = pattern.Split(':', 4);
        return parts.Length >= 3 && parts[2].AsSpan().IndexOfAny('*', '?') >= 0;
    }
}
