using SamPerms.Iam;

namespace SamPerms.Tests.Iam;

/// <summary>
/// Patterns no policy has (thousands of wildcards, lengths far beyond an ARN) get a conservative answer at once
/// instead of work that grows with the product of their lengths: hostile templates and intents cannot hang a run.
/// </summary>
public sealed class WildcardLimitsTests
{
    private static readonly string ManyStars = string.Concat(Enumerable.Repeat("*a", 3000));

    [Fact]
    public void Coverage_by_a_pattern_with_thousands_of_wildcards_is_not_claimed()
    {
        Assert.False(Wildcard.Covers(ManyStars, "arn:aws:s3:::bucket/*", ignoreCase: false));

        // Below the limits the exact answer stands.
        Assert.True(Wildcard.Covers("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/in/*", ignoreCase: false));
        Assert.False(Wildcard.Covers("arn:aws:s3:::bucket/in/*", "arn:aws:s3:::bucket/*", ignoreCase: false));
    }

    [Fact]
    public void Huge_patterns_neither_intersect_slowly_nor_fill_memory()
    {
        var a = "*" + new string('a', 200_000) + "b";
        var b = new string('a', 200_000) + "*";
        Assert.True(Wildcard.Intersects(a, b, ignoreCase: false));
        Assert.False(Wildcard.Intersects("arn:aws:s3:::x/*", "arn:aws:s3:::y/*", ignoreCase: false));
    }

    [Fact]
    public void A_starred_match_of_huge_strings_is_refused_not_backtracked()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 5000)) + "b";
        var value = new string('a', 100_000);
        Assert.False(Wildcard.Matches(pattern, value, ignoreCase: false));
        Assert.True(Wildcard.Matches("s3:Get*", "s3:GetObject", ignoreCase: true));
    }
}
