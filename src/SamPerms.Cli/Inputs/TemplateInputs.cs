namespace SamPerms.Cli.Inputs;

/// <summary>
/// The templates a command works on, given as SAM users give them: paths, <c>-t/--template-file</c>, folders and
/// quoted globs (<c>'**/template.yaml'</c>) for the commands that take several, <c>-</c> for stdin, and
/// <c>template.yaml</c> (then <c>template.yml</c>, <c>template.json</c>) in the current directory when none is given,
/// as <c>sam</c> does.
/// </summary>
public static class TemplateInputs
{
    /// <summary>The name standing for standard input.</summary>
    public const string Stdin = "-";

    /// <summary>The names <c>sam</c> looks for, in its order.</summary>
    public static readonly IReadOnlyList<string> DefaultNames = ["template.yaml", "template.yml", "template.json"];

    /// <summary>One template (or an error): the one given, else the default in the current directory.</summary>
    public static string? One(string? given, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(given))
        {
            return Default(out error);
        }

        if (given != Stdin && Directory.Exists(given))
        {
            var inside = DefaultNames.Select(n => Path.Combine(given, n)).FirstOrDefault(File.Exists);
            error = $"{given} is a directory, not a template file" + (inside is not null ? $" (did you mean {inside}?)" : "");
            return null;
        }

        return given;
    }

    /// <summary>
    /// Every template the arguments name, in order, each once: folders give the SAM templates below them
    /// (<c>template.yaml|yml|json</c>), patterns the files they match; a path that does not exist is kept (the batch
    /// reports it as a finding and goes on).
    /// </summary>
    public static List<string>? Many(IReadOnlyList<string> given, out string? error, string? exclude = null)
    {
        error = null;
        var excluded = exclude is null ? null : Path.GetFullPath(exclude).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (given.Count == 0)
        {
            return Default(out error) is { } single ? [single] : null;
        }

        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cwd = Directory.GetCurrentDirectory(); // once: Path.GetFullPath(p) asks the system for it each time
        var folders = new DirectoryLookup(given, cwd);
        void Add(string path)
        {
            if (seen.Add(path == Stdin ? path : Io.FullPaths.Of(path, cwd)))
            {
                result.Add(path);
            }
        }

        foreach (var item in given)
        {
            if (item.Length == 0)
            {
                error = "a template path is empty (\"\"); name a file, a folder or a pattern";
                return null;
            }

            if (item == Stdin)
            {
                Add(item);
            }
            else if (folders.IsDirectory(item, cwd))
            {
                var found = Glob.Expand(Path.Combine(item, "**", "template.*").Replace('\\', '/'))
                    .Where(p => DefaultNames.Contains(Path.GetFileName(p), StringComparer.Ordinal) && !Under(p, excluded))
                    .ToList();
                if (found.Count == 0)
                {
                    error = $"{item} is a directory with no {string.Join(", ", DefaultNames)} below it; name the templates (or a pattern such as '{item.TrimEnd('/')}/*.yaml')";
                    return null;
                }

                found.ForEach(Add);
            }
            else if (Glob.IsPattern(item) && !File.Exists(item))
            {
                var found = Glob.Expand(item).Where(p => !Under(p, excluded)).ToList();
                if (found.Count == 0)
                {
                    error = $"no file matches '{item}'";
                    return null;
                }

                found.ForEach(Add);
            }
            else
            {
                Add(item);
            }
        }

        return result;
    }

    /// <summary>True when a found file lies in the excluded folder (transform's --out-dir: its outputs are no inputs).</summary>
    private static bool Under(string path, string? folder) =>
        folder is not null && Path.GetFullPath(path).StartsWith(folder, StringComparison.Ordinal);

    private static string? Default(out string? error)
    {
        error = null;
        if (DefaultNames.FirstOrDefault(File.Exists) is { } found)
        {
            return found;
        }

        error = $"no template given, and no {string.Join(", ", DefaultNames)} in the current directory (give one with -t FILE)";
        return null;
    }
}
