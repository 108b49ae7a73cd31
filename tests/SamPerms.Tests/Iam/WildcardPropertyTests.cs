using System.Text.RegularExpressions;
using CsCheck;
using SamPerms.Iam;

namespace SamPerms.Tests.Iam;

/// <summary>
/// Property-based tests of IAM wildcard matching, coverage and intersection: checked against a regular
/// expression and against brute force over every short string of a small alphabet.
/// </summary>
public sealed class WildcardPropertyTests
{
    // Patterns over {a, b, *, ?}; values over {a, b, c}: 'c' stands for any character the patterns do not name.
    private static readonly Gen<string> Pattern = Gen.Char["ab*?"].Array[0, 3].Select(a => new string(a));
    private static readonly Gen<string> LongPattern = Gen.Char["aAbB*?:/"].Array[0, 8].Select(a => new string(a));
    private static readonly Gen<string> Value = Gen.Char["abc"].Array[0, 6].Select(a => new string(a));
    private static readonly string[] AllShortValues = ShortStrings("abc", 8).ToArray();

    [Fact]
    public void Matching_agrees_with_a_regular_expression() =>
        Gen.Select(LongPattern, Gen.Char["aAbBc:/"].Array[0, 10].Select(a => new string(a))).Sample((pattern, value) =>
        {
            var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
            Assert.Equal(Regex.IsMatch(value, regex, RegexOptions.Singleline), Wildcard.Matches(pattern, value, ignoreCase: false));
            Assert.Equal(Regex.IsMatch(value, regex, RegexOptions.Singleline | RegexOptions.IgnoreCase), Wildcard.Matches(pattern, value, ignoreCase: true));
        });

    [Fact]
    public void Coverage_is_exact() =>
        Gen.Select(Pattern, Pattern).Sample((wide, narrow) =>
        {
            var expected = AllShortValues.Where(v => Wildcard.Matches(narrow, v, false)).All(v => Wildcard.Matches(wide, v, false));
            Assert.Equal(expected, Wildcard.Covers(wide, narrow, ignoreCase: false));
        }, iter: 300);

    [Fact]
    public void Intersection_is_exact() =>
        Gen.Select(Pattern, Pattern).Sample((a, b) =>
        {
            var expected = AllShortValues.Any(v => Wildcard.Matches(a, v, false) && Wildcard.Matches(b, v, false));
            Assert.Equal(expected, Wildcard.Intersects(a, b, ignoreCase: false));
        }, iter: 300);

    [Fact]
    public void A_pattern_covers_every_value_it_matches_and_itself() =>
        Gen.Select(LongPattern, Value).Sample((pattern, value) =>
        {
            Assert.True(Wildcard.Covers(pattern, pattern, false));
            Assert.True(Wildcard.Covers("*", pattern, false));
            Assert.Equal(Wildcard.Matches(pattern, value, false), Wildcard.Covers(pattern, value, false));
        });

    [Fact]
    public void Coverage_is_transitive_and_implies_intersection() =>
        Gen.Select(Pattern, Pattern, Pattern).Sample((a, b, c) =>
        {
            if (Wildcard.Covers(a, b, false) && Wildcard.Covers(b, c, false))
            {
                Assert.True(Wildcard.Covers(a, c, false));
            }

            if (Wildcard.Covers(a, b, false))
            {
                Assert.True(Wildcard.Intersects(a, b, false));
            }

            Assert.Equal(Wildcard.Intersects(a, b, false), Wildcard.Intersects(b, a, false));
        }, iter: 500);

    [Fact]
    public void Case_is_ignored_for_actions() =>
        Gen.Select(LongPattern, LongPattern).Sample((a, b) =>
        {
            Assert.Equal(Wildcard.Covers(a.ToLowerInvariant(), b.ToLowerInvariant(), false), Wildcard.Covers(a.ToUpperInvariant(), b, true));
            Assert.Equal(Wildcard.Intersects(a.ToLowerInvariant(), b.ToLowerInvariant(), false), Wildcard.Intersects(a, b.ToUpperInvariant(), true));
        });

    [Fact]
    public void Symbols_equal_themselves_and_stars_cover_them() =>
        Gen.Select(Gen.Char["abc/:"].Array[0, 6].Select(a => new string(a)), Gen.Char["abc/:"].Array[0, 6].Select(a => new string(a))).Sample((prefix, suffix) =>
        {
            var withSymbol = $"{prefix}${{Bucket}}{suffix}";
            Assert.Equal(Certainty.Yes, SymbolicPattern.Covers(withSymbol, withSymbol, false));
            Assert.Equal(Certainty.Yes, SymbolicPattern.Covers($"{prefix}*", withSymbol, false));
            // A symbol alone may stand for "*" (a parameter); with literal text around it, it cannot cover "*".
            Assert.Equal(prefix.Length + suffix.Length > 0 ? Certainty.No : Certainty.Maybe, SymbolicPattern.Covers(withSymbol, "*", false));
            Assert.NotEqual(Certainty.Yes, SymbolicPattern.Covers(withSymbol, prefix + "x" + suffix, false));
        });

    // Patterns with the class wildcards: 'N' a run of letters, digits and hyphens (a generated name), 'S' a run without
    // a colon; values over {a, b, _, :, ~}: 'b' stands for the letters the patterns do not name, '~' for other characters.
    private static readonly Gen<string> ClassPattern = Gen.Char["a_:*?NS"].Array[0, 4].Select(a => new string(a).Replace('N', ArnWildcards.NameStar).Replace('S', ArnWildcards.SegmentStar));
    private static readonly string[] ClassValues = ShortStrings("ab_:~", 5).ToArray();

    [Fact]
    public void Class_wildcards_match_intersect_and_cover_exactly() =>
        Gen.Select(ClassPattern, ClassPattern).Sample((a, b) =>
        {
            var matchA = ClassValues.Where(v => Wildcard.Matches(a, v, false)).ToHashSet();
            var matchB = ClassValues.Where(v => Wildcard.Matches(b, v, false)).ToHashSet();
            Assert.Equal(matchA.Overlaps(matchB), Wildcard.Intersects(a, b, ignoreCase: false));
            Assert.Equal(matchB.IsSubsetOf(matchA), Wildcard.Covers(a, b, ignoreCase: false));
        }, iter: 400);

    [Fact]
    public void A_name_star_makes_letters_digits_and_hyphens_only()
    {
        var name = ArnWildcards.NameStar.ToString();
        Assert.True(Wildcard.Matches(name, "stack-Fn-1A2b", false));
        Assert.False(Wildcard.Matches(name, "CodeDeployHook_x", false));
        Assert.False(Wildcard.Matches(name, "a:b", false));
        Assert.False(Wildcard.Matches(name, "a/b", false));
    }

    private static IEnumerable<string> ShortStrings(string alphabet, int maxLength)
    {
        var level = new List<string> { "" };
        for (int n = 0; n <= maxLength; n++)
        {
            foreach (var s in level)
            {
                yield return s;
            }

            level = level.SelectMany(s => alphabet.Select(c => s + c)).ToList();
        }
    }
}
