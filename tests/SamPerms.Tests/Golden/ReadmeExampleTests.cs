using SamPerms.Tests.Support;

namespace SamPerms.Tests.Golden;

/// <summary>
/// README.md shows what the tool prints for templates/encrypted-queue-worker (permissions and validate): each
/// block, run as its first line says from templates/, prints exactly the rest of the block.
/// </summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class ReadmeExampleTests
{
    private static readonly string Readme = File.ReadAllText(RepoPaths.InRepo("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Theory]
    [InlineData("encrypted-queue-worker-permissions")]
    [InlineData("encrypted-queue-worker-validate")]
    public void The_readme_block_is_what_the_tool_prints(string marker)
    {
        var block = Block(marker);
        var newline = block.IndexOf('\n', StringComparison.Ordinal);
        var command = block[..newline];
        Assert.StartsWith("$ samperms ", command, StringComparison.Ordinal);
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = RepoPaths.InRepo("templates");
        try
        {
            var result = CliRunner.Run(command["$ samperms ".Length..].Split(' '));
            Assert.Equal(block[(newline + 1)..], result.Out);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private static string Block(string marker)
    {
        int at = Readme.IndexOf($"<!-- {marker} -->", StringComparison.Ordinal);
        Assert.True(at >= 0, $"README has no {marker}");
        int open = Readme.IndexOf("```", at, StringComparison.Ordinal);
        int start = Readme.IndexOf('\n', open) + 1;
        int end = Readme.IndexOf("```", start, StringComparison.Ordinal);
        return Readme[start..end];
    }
}
