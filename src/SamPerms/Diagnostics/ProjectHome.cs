namespace SamPerms.Diagnostics;

/// <summary>
/// Where the project lives (README "Install and quick start" names it): the one address outputs link to — SARIF's
/// <c>informationUri</c>, and each code's help at its row of the README's code table.
/// </summary>
public static class ProjectHome
{
    /// <summary>The project's home page (its repository; the README is its front page).</summary>
    public const string Url = "https://github.com/samperms/samperms";

    /// <summary>The README's entry for <paramref name="code"/>: its row in the code table carries the anchor <c>sp3101</c>.</summary>
    public static string HelpFor(string code) => $"{Url}#{Anchor(code)}";

    /// <summary>The README anchor of a code: the code in lower case.</summary>
    public static string Anchor(string code) => code.ToLowerInvariant();
}
