using SamPerms.Tests.Support;

namespace SamPerms.Tests.Golden;

/// <summary>
/// README.md shows what the tool prints for templates/encrypted-queue-worker, templates/locked-archive and templates/order-workflow (permissions and validate): each
/// block, run as its first line says from templates/, prints exactly the rest of the block.
/// </summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class ReadmeExampleTests
{
    private static string Readme => ReadmeText.Text;

    [Theory]
    [InlineData("encrypted-queue-worker-permissions")]
    [InlineData("encrypted-queue-worker-validate")]
    [InlineData("locked-archive-permissions")]
    [InlineData("locked-archive-validate")]
    [InlineData("order-workflow-permissions")]
    [InlineData("order-workflow-validate")]
    public void The_readme_block_is_what_the_tool_prints(string marker)
    {
        var block = ReadmeText.Block(marker);
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
}
