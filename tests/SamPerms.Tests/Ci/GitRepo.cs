using SamPerms.Tests.Support;

namespace SamPerms.Tests.Ci;

/// <summary>A temporary git repository for tests that need history (diff --git, the CI action's script).</summary>
public sealed class GitRepo : IDisposable
{
    private readonly TempDir dir = new();

    public GitRepo()
    {
        Git("init", "-q", "-b", "main");
        Git("config", "user.email", "test@example.com");
        Git("config", "user.name", "test");
        Git("config", "commit.gpgsign", "false");
    }

    public string Path => dir.Path;

    /// <summary>Whether git can be run here; tests that need it skip otherwise.</summary>
    public static bool Available { get; } = Probe();

    public string Write(string relative, string content)
    {
        var p = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        File.WriteAllText(p, content);
        return p;
    }

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    public string Git(params string[] args)
    {
        var (code, stdout, stderr) = Run("git", args, Path, new Dictionary<string, string>());
        Assert.True(code == 0, $"git {string.Join(' ', args)} failed: {stderr}");
        return stdout;
    }

    public static (int Code, string Out, string Err) Run(string file, IEnumerable<string> args, string cwd, IReadOnlyDictionary<string, string> env) =>
        Processes.Run(file, args, cwd, env);

    private static bool Probe()
    {
        try
        {
            return Run("git", ["--version"], System.IO.Path.GetTempPath(), new Dictionary<string, string>()).Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public void Dispose() => dir.Dispose();
}
