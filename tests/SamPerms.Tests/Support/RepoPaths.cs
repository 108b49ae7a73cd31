namespace SamPerms.Tests.Support;

/// <summary>Locates the repository and the reference corpus from the test's output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The corpus: $SAM_CORPUS, else ../shared/sam-corpus beside the repository; null when absent.</summary>
    public static string? Corpus
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("SAM_CORPUS");
            if (!string.IsNullOrEmpty(env))
            {
                return Directory.Exists(env) ? env : null;
            }

            var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared", "sam-corpus"));
            return Directory.Exists(beside) ? beside : null;
        }
    }

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SamPerms.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find SamPerms.sln above " + AppContext.BaseDirectory);
    }
}
