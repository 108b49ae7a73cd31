namespace SamPerms.Cli.Io;

/// <summary>
/// Path.GetFullPath with no work for a path that is full already: on Unix, one rooted, with no empty, "." or ".."
/// segment and no trailing separator (a batch names hundreds of such inputs and plans as many such outputs).
/// </summary>
public static class FullPaths
{
    public static string Of(string path) => IsFull(path) ? path : Path.GetFullPath(path);

    /// <summary>The full path of <paramref name="path"/> against <paramref name="basePath"/> (a full folder).</summary>
    public static string Of(string path, string basePath) => IsFull(path) ? path : Path.GetFullPath(path, basePath);

    private static bool IsFull(string path) =>
        !OperatingSystem.IsWindows() && path.Length > 1 && path[0] == '/' && path[^1] != '/'
        && !path.Contains("//", StringComparison.Ordinal) && !path.Contains("/./", StringComparison.Ordinal)
        && !path.Contains("/../", StringComparison.Ordinal) && !path.EndsWith("/.", StringComparison.Ordinal)
        && !path.EndsWith("/..", StringComparison.Ordinal) && !path.Contains('\0');
}
