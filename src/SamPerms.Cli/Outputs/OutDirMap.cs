namespace SamPerms.Cli.Outputs;

/// <summary>
/// <c>transform --out-dir DIR</c>: where each input's output goes. Outputs mirror each input's path relative to the
/// common folder of the inputs (<c>orders/template.yaml</c> → <c>DIR/orders/template.json</c>), so templates that
/// share a name stay apart. Two inputs that would still map to one file, or an output that would be an input, are
/// refused before anything is written.
/// </summary>
public sealed class OutDirMap
{
    private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>?> _listed = new(StringComparer.Ordinal);

    private OutDirMap(string extension) => Extension = extension;

    /// <summary>The success file's extension, with its dot (".json" or ".yaml").</summary>
    public string Extension { get; }

    /// <summary>The output of a transformed template.</summary>
    public string Output(string input) => _stems[input] + Extension;

    /// <summary>The file that says why a template was rejected.</summary>
    public string ErrorReport(string input) => _stems[input] + ".error.json";

    /// <summary>
    /// False when <paramref name="path"/> is known not to exist: its folder, listed once when first asked about, held
    /// no such name. An output's stale sibling (NAME.error.json beside a new NAME.json) is then not removed with a
    /// system call that finds nothing, once per template of a batch. (No other input writes that name: the plan keeps
    /// every output apart.) True when it may exist or the folder could not be listed.
    /// </summary>
    public bool MayExist(string path)
    {
        var folder = Path.GetDirectoryName(path) is { Length: > 0 } d ? d : ".";
        var names = _listed.GetOrAdd(folder, static f => Listing(f));
        return names is null || names.Contains(Path.GetFileName(path));
    }

    private static HashSet<string>? Listing(string folder)
    {
        try
        {
            return new HashSet<string>(Directory.EnumerateFileSystemEntries(folder).Select(p => Path.GetFileName(p)), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Creates the folder an output goes to, once per folder in a batch (outputs of one folder share it).</summary>
    public void CreateFolderOf(string output)
    {
        var folder = Path.GetDirectoryName(output) is { Length: > 0 } d ? d : ".";
        if (!_created.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _created[folder] = true;
        }
    }

    public static OutDirMap? Plan(IReadOnlyList<string> inputs, string outDir, string extension, out string? error)
    {
        error = null;
        var map = new OutDirMap(extension);
        // Full paths against the current directory read once (Path.GetFullPath(p) asks the system for it each time).
        var cwd = Directory.GetCurrentDirectory();
        string Full(string p) => Path.GetFullPath(p, cwd);
        var files = inputs.Where(i => i != Inputs.TemplateInputs.Stdin).ToList();
        var fullOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            fullOf.TryAdd(f, Full(f));
        }

        var bases = files.Select(f => Path.GetDirectoryName(fullOf[f])!).ToList();
        var common = bases.Count == 0 ? "" : bases.Aggregate(CommonFolder);
        var byOutput = new Dictionary<string, string>(OutputFile.PathComparer);
        var inputSet = new HashSet<string>(fullOf.Values, OutputFile.PathComparer);
        var fullOutDir = Full(outDir);
        foreach (var input in inputs)
        {
            var relative = input == Inputs.TemplateInputs.Stdin ? "stdin" : Relative(common, fullOf[input]);
            var relativeStem = Path.ChangeExtension(relative, null);
            var stem = Path.Combine(outDir, relativeStem);

            // A path below a full one is full as it stands when the part below holds no "." or ".." (a batch plans
            // hundreds of outputs: no normalizing of each); otherwise it is made full.
            bool plain = input != Inputs.TemplateInputs.Stdin && IsPlain(relative);
            foreach (var suffix in new[] { extension, ".error.json" })
            {
                var output = stem + suffix;
                var full = plain ? Path.Join(fullOutDir, relativeStem + suffix) : Full(output);
                if (inputSet.Contains(full))
                {
                    error = $"--out-dir {outDir} would write {output} over the input {Shown(files, full, Full)}: samperms never writes over its input; choose another directory";
                    return null;
                }

                if (byOutput.TryGetValue(full, out var other) && other != input)
                {
                    error = $"{other} and {input} would both be written to {output}; give them different names or transform them separately";
                    return null;
                }

                byOutput[full] = input;
            }

            map._stems[input] = stem;
        }

        return map;
    }

    /// <summary>The path of <paramref name="full"/> below <paramref name="folder"/> (its common folder: a plain cut when it starts with it).</summary>
    private static string Relative(string folder, string full)
    {
        var sep = Path.DirectorySeparatorChar;
        if (folder.Length > 0 && full.Length > folder.Length + 1 && full.StartsWith(folder, OutputFile.PathComparison))
        {
            if (folder[^1] == sep)
            {
                return full[folder.Length..];
            }

            if (full[folder.Length] == sep)
            {
                return full[(folder.Length + 1)..];
            }
        }

        return Path.GetRelativePath(folder, full);
    }

    /// <summary>A relative path with no empty, "." or ".." segment.</summary>
    private static bool IsPlain(string relative) => !Path.IsPathRooted(relative) && Io.FullPaths.HasPlainSegments(relative);

    private static string Shown(List<string> files, string full, Func<string, string> fullPath) =>
        files.First(f => OutputFile.PathComparer.Equals(fullPath(f), full));

    private static string CommonFolder(string a, string b)
    {
        if (a.Length > 0 && OutputFile.PathComparer.Equals(a, b))
        {
            return a; // the usual batch: every input in one folder
        }

        var pa = a.Split(Path.DirectorySeparatorChar);
        var pb = b.Split(Path.DirectorySeparatorChar);
        int n = 0;
        while (n < pa.Length && n < pb.Length && OutputFile.PathComparer.Equals(pa[n], pb[n]))
        {
            n++;
        }

        var joined = string.Join(Path.DirectorySeparatorChar, pa[..n]);
        return joined.Length == 0 ? Path.GetPathRoot(a) ?? "/" : joined;
    }
}
