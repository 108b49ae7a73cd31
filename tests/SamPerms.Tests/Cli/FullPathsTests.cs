using SamPerms.Cli.Io;

namespace SamPerms.Tests.Cli;

/// <summary>FullPaths gives Path.GetFullPath's answer for every path, the full ones taken as they are.</summary>
public sealed class FullPathsTests
{
    private static readonly string[] Pieces = ["/", "a", "b.yaml", ".", "..", "//", "x y", "-", "~", ".hidden", "/."];

    [Fact]
    public void Agrees_with_GetFullPath()
    {
        var random = new Random(11);
        var cwd = Path.GetFullPath(Path.GetTempPath());
        for (int i = 0; i < 5000; i++)
        {
            var path = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            Assert.Equal(Path.GetFullPath(path, cwd), FullPaths.Of(path, cwd));
            if (Path.IsPathRooted(path))
            {
                Assert.Equal(Path.GetFullPath(path), FullPaths.Of(path));
            }
        }
    }
}
