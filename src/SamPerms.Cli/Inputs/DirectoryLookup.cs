using System.IO.Enumeration;

namespace SamPerms.Cli.Inputs;

/// <summary>
/// Whether each of many given paths is a folder, with one listing of a folder that holds many of them (a shell's
/// <c>*.yaml</c> names hundreds of files of one folder) instead of one stat(2) of each; a path its folder's listing
/// does not name as it was given (another case, a trailing separator, a file that is not there) is asked as before.
/// </summary>
internal sealed class DirectoryLookup
{
    // From this many paths in one folder, the folder is listed.
    private const int ListFrom = 16;

    private readonly Dictionary<string, Dictionary<string, bool>> _listings = new(StringComparer.Ordinal);

    public DirectoryLookup(IReadOnlyList<string> paths, string cwd)
    {
        if (paths.Count < ListFrom)
        {
            return;
        }

        foreach (var folder in paths.Where(Listable).Select(p => Path.GetDirectoryName(Io.FullPaths.Of(p, cwd)))
                     .OfType<string>().CountBy(f => f, StringComparer.Ordinal).Where(c => c.Value >= ListFrom).Select(c => c.Key))
        {
            try
            {
                // IsDirectory comes from the listing itself, but for a link (then its target is looked at, as Directory.Exists does).
                var entries = new FileSystemEnumerable<(string Name, bool IsDirectory)>(folder,
                    (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory),
                    new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true, RecurseSubdirectories = false });
                var listing = new Dictionary<string, bool>(StringComparer.Ordinal);
                foreach (var (name, isDirectory) in entries)
                {
                    listing[name] = isDirectory;
                }

                _listings[folder] = listing;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not listable: each path is asked on its own.
            }
        }
    }

    /// <summary>A path whose full form can be taken (not standard input's "-", not empty, no NUL character).</summary>
    private static bool Listable(string path) => path.Length > 0 && path != TemplateInputs.Stdin && !path.Contains('\0');

    /// <summary>Whether <paramref name="path"/> names a folder (following links), as Directory.Exists says.</summary>
    public bool IsDirectory(string path, string cwd)
    {
        if (_listings.Count > 0 && Listable(path))
        {
            var full = Io.FullPaths.Of(path, cwd);
            if (Path.GetDirectoryName(full) is { } folder && _listings.TryGetValue(folder, out var listing)
                && listing.TryGetValue(Path.GetFileName(full), out bool isDirectory))
            {
                return isDirectory;
            }
        }

        return Directory.Exists(path);
    }
}
