using SamPerms.Tests.Support;

namespace SamPerms.Tests.Golden;

/// <summary>
/// Expected outputs kept beside their inputs. A test compares what the tool prints with the file; with
/// SAMPERMS_ACCEPT_GOLDEN=1 it rewrites the file instead (review the change with git diff).
/// </summary>
public static class GoldenFiles
{
    public static bool Accepting => Environment.GetEnvironmentVariable("SAMPERMS_ACCEPT_GOLDEN") == "1";

    /// <summary>Compares (or, when accepting, writes) a golden file given by its path in the repository.</summary>
    public static void Check(string repoRelativePath, string actual)
    {
        var path = RepoPaths.InRepo(repoRelativePath.Split('/'));
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Accepting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {repoRelativePath} is missing; create it with SAMPERMS_ACCEPT_GOLDEN=1 dotnet test");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            Assert.Fail($"{repoRelativePath} differs from the output (accept with SAMPERMS_ACCEPT_GOLDEN=1):\n{FirstDifference(expected, actual)}");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"line {i + 1}\n  expected: {el}\n  actual:   {al}";
            }
        }

        return "(line endings)";
    }
}
