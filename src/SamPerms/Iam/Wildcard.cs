using SamPerms.Text;

namespace SamPerms.Iam;

/// <summary>
/// IAM wildcard patterns: <c>*</c> matches any run of characters, <c>?</c> any one character. Actions compare
/// case-insensitively, resources (ARNs) case-sensitively, as IAM does. Besides matching a value, two questions
/// about patterns are answered exactly: does one pattern cover another (every value the narrow one matches, the
/// wide one matches too), and do two patterns intersect (some value matches both).
/// </summary>
public static class Wildcard
{
    /// <summary>Beyond this many explored states <see cref="Covers"/> gives up and answers "not covered".</summary>
    private const int CoverageStateLimit = 20_000;

    /// <summary>Work allowed for one coverage question (state-set sizes stepped), so that no pattern makes it hang.</summary>
    private const long CoverageWorkLimit = 400_000;

    /// <summary>More wildcards than this in the wide pattern is no real policy: such a pattern is not known to cover.</summary>
    private const int CoverageWildcardLimit = 64;

    /// <summary>Product of pattern and value lengths beyond which a starred match is not attempted.</summary>
    private const long MatchWorkLimit = 64_000_000;

    /// <summary>Cells of the intersection table allowed (two 4,000-character patterns).</summary>
    private const long IntersectCellLimit = 16_000_000;

    /// <summary>Does <paramref name="pattern"/> match the literal <paramref name="value"/>?</summary>
    public static bool Matches(string pattern, string value, bool ignoreCase)
    {
        if (HasClassWildcard(pattern))
        {
            return MatchesBySets(pattern, value, ignoreCase);
        }

        // Plain glob matching is linear in practice; its worst case is the product of the lengths: far beyond any
        // ARN or action (hostile input) the answer is "no match".
        if ((long)pattern.Length * value.Length > MatchWorkLimit && pattern.Contains('*', StringComparison.Ordinal))
        {
            return false;
        }

        return Glob.Matches(pattern, value, ignoreCase);
    }

    /// <summary>
    /// Does every value matched by <paramref name="narrow"/> also match <paramref name="wide"/>? Exact: runs the
    /// wide pattern's automaton (as sets of states) over every way the narrow pattern can be spelled. Characters
    /// that do not occur in the wide pattern all behave alike there, so one stand-in represents them all.
    /// </summary>
    public static bool Covers(string wide, string narrow, bool ignoreCase)
    {
        if (ignoreCase)
        {
            wide = wide.ToLowerInvariant();
            narrow = narrow.ToLowerInvariant();
        }

        if (IsAll(wide) || wide == narrow)
        {
            return true;
        }

        if (!HasWildcard(narrow))
        {
            return Matches(wide, narrow, ignoreCase: false);
        }

        return wide.Count(IsWildcard) <= CoverageWildcardLimit && CoversByStates(wide, narrow);
    }

    /// <summary>
    /// <see cref="Covers"/> of a narrow pattern with wildcards: the wide pattern's automaton run over every value the
    /// narrow one stands for. (Apart, so that the quick answers above allocate none of its state.)
    /// </summary>
    private static bool CoversByStates(string wide, string narrow)
    {
        var alphabet = new List<char>();
        foreach (var c in wide)
        {
            if (!IsWildcard(c) && !alphabet.Contains(c))
            {
                alphabet.Add(c);
            }
        }

        if ((HasClassWildcard(wide) || HasClassWildcard(narrow)) && !alphabet.Contains(':'))
        {
            alphabet.Add(':'); // a colon is the one character segment-bound wildcards treat apart
        }

        alphabet.Add(Fresh(wide, narrow));
        if ((wide + narrow).Contains(ArnWildcards.NameStar, StringComparison.Ordinal) && FreshInName(wide) is { } inName)
        {
            alphabet.Add(inName); // and one for the letters, digits and hyphens the wide pattern does not name
        }
        var start = Closure(wide, [0]);
        var seen = new HashSet<(int, string)>();
        var work = new Stack<(int Position, SortedSet<int> States)>();
        void Push(int j, SortedSet<int> s)
        {
            if (seen.Add((j, string.Join(',', s))))
            {
                work.Push((j, s));
            }
        }

        Push(0, start);
        long effort = 0;
        while (work.Count > 0)
        {
            if (seen.Count > CoverageStateLimit)
            {
                return false;
            }

            var (j, states) = work.Pop();

            // Beyond the budget the answer is "not known to cover", which callers treat as not covered.
            effort += (long)(states.Count + 1) * (alphabet.Count + 2);
            if (effort > CoverageWorkLimit)
            {
                return false;
            }
            if (states.Count == 0)
            {
                return false; // the narrow pattern can still be completed to a value the wide one rejects
            }

            if (j == narrow.Length)
            {
                if (!states.Contains(wide.Length))
                {
                    return false;
                }

                continue;
            }

            switch (narrow[j])
            {
                case '*' or ArnWildcards.SegmentStar or ArnWildcards.NameStar:
                    Push(j + 1, states);
                    foreach (var a in alphabet.Where(a => Produces(narrow[j], a)))
                    {
                        Push(j, Step(wide, states, a));
                    }

                    break;
                case '?' or ArnWildcards.SegmentOne:
                    foreach (var a in alphabet.Where(a => Produces(narrow[j], a)))
                    {
                        Push(j + 1, Step(wide, states, a));
                    }

                    break;
                default:
                    Push(j + 1, Step(wide, states, narrow[j]));
                    break;
            }
        }

        return true;
    }

    /// <summary>Is there a value both patterns match? Dynamic programming over positions of both patterns.</summary>
    public static bool Intersects(string a, string b, bool ignoreCase)
    {
        if (ignoreCase)
        {
            a = a.ToLowerInvariant();
            b = b.ToLowerInvariant();
        }

        // Patterns far beyond any ARN (IAM allows 2048 characters): answer "may intersect" rather than fill a
        // table of their lengths' product.
        if ((long)(a.Length + 1) * (b.Length + 1) > IntersectCellLimit)
        {
            return true;
        }

        // can[i, j]: the suffixes a[i..] and b[j..] have a common value. A character produced by a star on both
        // sides can be dropped from any common value, so each step consumes a star or a character on one side.
        // Row i needs only row i + 1 (below) and itself: two rows of b.Length + 1, on the stack when short.
        int width = b.Length + 1;
        Span<bool> below = width <= 1024 ? stackalloc bool[width] : new bool[width];
        Span<bool> row = width <= 1024 ? stackalloc bool[width] : new bool[width];
        for (int i = a.Length; i >= 0; i--)
        {
            for (int j = b.Length; j >= 0; j--)
            {
                bool ok;
                if (i == a.Length && j == b.Length)
                {
                    ok = true;
                }
                else if (i < a.Length && IsStar(a[i]))
                {
                    // The star produces nothing more, or takes b's next character (a segment-bound star no colon).
                    ok = below[j] || (j < b.Length && Meet(a[i], b[j]) && row[j + 1]);
                }
                else if (j < b.Length && IsStar(b[j]))
                {
                    ok = row[j + 1] || (i < a.Length && Meet(b[j], a[i]) && below[j]);
                }
                else
                {
                    ok = i < a.Length && j < b.Length && Meet(a[i], b[j]) && below[j + 1];
                }

                row[j] = ok;
            }

            var done = below;
            below = row;
            row = done;
        }

        return below[0];
    }

    public static bool HasWildcard(string pattern) => pattern.AsSpan().IndexOfAny(WildcardChars) >= 0;

    private static readonly System.Buffers.SearchValues<char> WildcardChars =
        System.Buffers.SearchValues.Create(['*', '?', ArnWildcards.SegmentStar, ArnWildcards.SegmentOne, ArnWildcards.NameStar]);

    /// <summary>Has a wildcard of a class of characters (segment-bound, or a generated name's): matched by sets.</summary>
    private static bool HasClassWildcard(string pattern) =>
        pattern.AsSpan().IndexOfAny(ArnWildcards.SegmentStar, ArnWildcards.SegmentOne, ArnWildcards.NameStar) >= 0;

    private static bool IsStar(char c) => c is '*' or ArnWildcards.SegmentStar or ArnWildcards.NameStar;

    private static bool IsWildcard(char c) => c is '*' or '?' or ArnWildcards.SegmentStar or ArnWildcards.SegmentOne or ArnWildcards.NameStar;

    /// <summary>Can the wildcard (or literal) at this position of a pattern produce the character?</summary>
    private static bool Produces(char p, char c) => p switch
    {
        '*' or '?' => true,
        ArnWildcards.SegmentStar or ArnWildcards.SegmentOne => c != ':',
        ArnWildcards.NameStar => ArnWildcards.InGeneratedName(c),
        _ => p == c,
    };

    /// <summary>Matching by sets of pattern positions (patterns with segment-bound wildcards): linear in the product of lengths.</summary>
    private static bool MatchesBySets(string pattern, string value, bool ignoreCase)
    {
        if ((long)pattern.Length * value.Length > MatchWorkLimit)
        {
            return false;
        }

        if (ignoreCase)
        {
            pattern = pattern.ToLowerInvariant();
            value = value.ToLowerInvariant();
        }

        int m = pattern.Length;
        var current = new bool[m + 1];
        var next = new bool[m + 1];
        current[0] = true;
        CloseStars(pattern, current);
        foreach (var c in value)
        {
            Array.Clear(next);
            bool any = false;
            for (int i = 0; i < m; i++)
            {
                if (!current[i] || !Produces(pattern[i], c))
                {
                    continue;
                }

                next[IsStar(pattern[i]) ? i : i + 1] = true;
                any = true;
            }

            if (!any)
            {
                return false;
            }

            CloseStars(pattern, next);
            (current, next) = (next, current);
        }

        return current[m];
    }

    /// <summary>A star may produce nothing: a position before a star reaches the position after it.</summary>
    private static void CloseStars(string pattern, bool[] states)
    {
        for (int i = 0; i < pattern.Length; i++)
        {
            if (states[i] && IsStar(pattern[i]))
            {
                states[i + 1] = true;
            }
        }
    }

    /// <summary>A pattern of stars only matches everything.</summary>
    public static bool IsAll(string pattern) => pattern.Length > 0 && pattern.AsSpan().Trim('*').IsEmpty;

    /// <summary>Can the two pattern positions produce a common character?</summary>
    private static bool Meet(char a, char b)
    {
        bool wa = IsWildcard(a);
        bool wb = IsWildcard(b);
        return (wa, wb) switch
        {
            (true, true) => true,
            (true, false) => Produces(a, b),
            (false, true) => Produces(b, a),
            _ => a == b,
        };
    }

    private static SortedSet<int> Closure(string wide, IEnumerable<int> states)
    {
        var result = new SortedSet<int>();
        foreach (var s in states)
        {
            int i = s;
            result.Add(i);
            while (i < wide.Length && IsStar(wide[i]))
            {
                result.Add(++i);
            }
        }

        return result;
    }

    private static SortedSet<int> Step(string wide, SortedSet<int> states, char c)
    {
        var next = new List<int>();
        foreach (var i in states)
        {
            if (i >= wide.Length)
            {
                continue;
            }

            if (IsStar(wide[i]))
            {
                if (Produces(wide[i], c))
                {
                    next.Add(i);
                }
            }
            else if (Produces(wide[i], c))
            {
                next.Add(i + 1);
            }
        }

        return Closure(wide, next);
    }

    private static char Fresh(string a, string b)
    {
        for (char c = '\u0001'; ; c++)
        {
            if (a.IndexOf(c, StringComparison.Ordinal) < 0 && b.IndexOf(c, StringComparison.Ordinal) < 0 && c is not ('*' or '?' or ':'))
            {
                return c;
            }
        }
    }

    /// <summary>A letter, digit or hyphen that <paramref name="wide"/> does not name, if there is one.</summary>
    private static char? FreshInName(string wide)
    {
        foreach (var c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        {
            if (wide.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return c;
            }
        }

        return null;
    }

    private static bool Same(char a, char b, bool ignoreCase) => Glob.Same(a, b, ignoreCase);
}
