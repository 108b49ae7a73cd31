using SamPerms.Cli.Inputs;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>The patterns templates are given with when the shell did not expand them.</summary>
public sealed class GlobTests
{
    [Fact]
    public void Stars_question_marks_sets_and_double_stars_match_as_in_a_shell()
    {
        using var dir = new TempDir();
        foreach (var folder in new[] { "a", "b", "c/d", ".hidden", "node_modules/x" })
        {
            Directory.CreateDirectory(Path.Combine(dir.Path, folder));
        }

        foreach (var file in new[] { "a/t1.yaml", "b/t2.yaml", "c/d/t3.yml", ".hidden/t4.yaml", "node_modules/x/t5.yaml", "a/notes.txt" })
        {
            dir.Write(file, "x");
        }

        string P(string pattern) => string.Join(" ", Glob.Expand(Path.Combine(dir.Path, pattern)).Select(p => Path.GetRelativePath(dir.Path, p).Replace('\\', '/')));
        Assert.Equal("a/t1.yaml b/t2.yaml", P("*/t?.yaml"));
        Assert.Equal("a/t1.yaml", P("[a]/*.yaml"));
        Assert.Equal("b/t2.yaml", P("[!a]/*.yaml"));
        Assert.Equal("a/t1.yaml b/t2.yaml c/d/t3.yml", P("**/*.y*ml"));
        Assert.Equal(".hidden/t4.yaml", P(".hidden/*.yaml"));
        Assert.Empty(Glob.Expand(Path.Combine(dir.Path, "nothing", "*.yaml")));
    }
}
