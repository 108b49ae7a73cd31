namespace SamPerms.Tests.Support;

/// <summary>README.md as the tests read it: its text, and the fenced block right after an HTML comment marker.</summary>
public static class ReadmeText
{
    public static string Text { get; } = File.ReadAllText(RepoPaths.InRepo("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The fenced block right after <c>&lt;!-- marker --&gt;</c>.</summary>
    public static string Block(string marker)
    {
        int at = Text.IndexOf($"<!-- {marker} -->", StringComparison.Ordinal);
        Assert.True(at >= 0, $"README has no {marker}");
        int open = Text.IndexOf("```", at, StringComparison.Ordinal);
        int start = Text.IndexOf('\n', open) + 1;
        int end = Text.IndexOf("```", start, StringComparison.Ordinal);
        return Text[start..end];
    }
}
