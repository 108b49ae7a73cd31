namespace SamPerms.Cli.Io;

/// <summary>
/// Path.GetFullPath with no work for a path that is full already: on Unix, one rooted, with no empty, "." or ".."
/// segment (so no trailing separator either) and no NUL (a batch names hundreds of such inputs and plans as many such
/// outputs).
/// </summary>
public static class FullPaths
{
    public static string Of(string path) => IsFull(path) ? path : Path.GetFullPath(path);

    /// <summary>The full path of <paramref name="path"/> against <paramref name="basePath"/> (a full folder).</summary>
    public static string Of(string path, string basePath) => IsFull(path) ? path : Path.GetFullPath(path, basePath);

    /// <summary>
    /// A path of segments that are neither empty nor "." or "..", by either separator: joined below a full folder, it
    /// needs no normalizing.
    /// </summary>
    public static bool HasPlainSegments(ReadOnlySpan<char> path)
    {
        foreach (var range in path.SplitAny(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
        {
            if (path[range] is "" or "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFull(string path) =>
        !OperatingSystem.IsWindows() && path.Length > 1 && path[0] == '/' && !path.Contains('\0') && HasPlainSegments(path.AsSpan(1));
}
