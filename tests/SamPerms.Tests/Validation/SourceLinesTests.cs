using SamPerms.Output.Diagnostics;

namespace SamPerms.Tests.Validation;

/// <summary>The lines excerpts are cut from: split at line feeds, a CR LF counting as one break, a lone CR kept.</summary>
public sealed class SourceLinesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("one line")]
    [InlineData("a\nb\n")]
    [InlineData("a\r\nb\r\nc")]
    [InlineData("\r\r\n\n")]
    [InlineData("lone\rcr\n\r")]
    [InlineData("\n\n\r\n")]
    [InlineData("x\r")]
    public void Cuts_the_lines_a_split_would_give(string text)
    {
        var lines = ValidatedFile.SplitLines(text);
        var expected = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        Assert.Equal(expected.Length, lines.Count);
        Assert.Equal(expected, lines.ToArray());
        Assert.Equal(expected[^1], lines[lines.Count - 1]);
    }
}
