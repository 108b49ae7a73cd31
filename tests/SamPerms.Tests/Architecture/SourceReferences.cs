using System.Text.RegularExpressions;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Architecture;

/// <summary>The namespaces each source file of the engine and the CLI names: its using directives and qualified names.</summary>
public static partial class SourceReferences
{
    public sealed record SourceFile(string Path, string DeclaredNamespace, string FolderNamespace, string Text);

    public sealed record Reference(string File, int Line, string FromNamespace, string ToNamespace);

    private static readonly (string Folder, string Namespace)[] Projects =
    [
        (Path.Combine("src", "SamPerms"), "SamPerms"),
        (Path.Combine("src", "SamPerms.Cli"), "SamPerms.Cli"),
    ];

    private static readonly Lazy<IReadOnlyList<SourceFile>> Sources = new(Load);

    private static readonly Lazy<HashSet<string>> Known = new(() =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in typeof(SamPerms.Model.Node).Assembly.GetTypes().Concat(typeof(SamPerms.Cli.ExitCodes).Assembly.GetTypes()))
        {
            if (t.Namespace is { } ns)
            {
                for (var n = ns; n.Length > 0; n = n.Contains('.') ? n[..n.LastIndexOf('.')] : "")
                {
                    names.Add(n);
                }
            }
        }

        return names;
    });

    public static IReadOnlyList<SourceFile> Files() => Sources.Value;

    public static IEnumerable<Reference> All() => Files().SelectMany(f => Scan(f.DeclaredNamespace, f.Path, f.Text));

    /// <summary>Every known namespace a file names, fully (<c>SamPerms.X.Y</c>) or relative to <c>SamPerms</c> (<c>X.Y.Type</c>).</summary>
    public static IEnumerable<Reference> Scan(string fromNamespace, string file, string text)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var code = line.TrimStart();
            if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith("namespace ", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match m in QualifiedName().Matches(line))
            {
                var ns = LongestKnownNamespace(Qualify(m.Value, fromNamespace));
                if (ns is not null && ns != "SamPerms")
                {
                    yield return new Reference(file, i + 1, fromNamespace, ns);
                }
            }
        }
    }

    /// <summary>A name as C# resolves it: relative to the file's namespace, then to each enclosing one.</summary>
    private static string Qualify(string name, string fromNamespace)
    {
        if (name.StartsWith("SamPerms.", StringComparison.Ordinal))
        {
            return name;
        }

        var first = name.Split('.')[0];
        for (var ns = fromNamespace; ns.Length > 0; ns = ns.Contains('.') ? ns[..ns.LastIndexOf('.')] : "")
        {
            if (Known.Value.Contains(ns + "." + first))
            {
                return ns + "." + name;
            }
        }

        return name;
    }

    private static string? LongestKnownNamespace(string dotted)
    {
        string? best = null;
        var parts = dotted.Split('.');
        for (int n = 1; n <= parts.Length; n++)
        {
            var candidate = string.Join('.', parts.Take(n));
            if (Known.Value.Contains(candidate))
            {
                best = candidate;
            }
        }

        return best;
    }

    private static IReadOnlyList<SourceFile> Load()
    {
        var files = new List<SourceFile>();
        foreach (var (folder, rootNamespace) in Projects)
        {
            var root = RepoPaths.InRepo(folder);
            foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(root, path);
                var top = relative.Split(Path.DirectorySeparatorChar)[0];
                if (top is "bin" or "obj")
                {
                    continue;
                }

                var text = File.ReadAllText(path);
                var declared = DeclaredNamespace().Match(text) is { Success: true } m ? m.Groups[1].Value : "";
                var dir = Path.GetDirectoryName(relative) ?? "";
                var folderNamespace = dir.Length == 0 ? rootNamespace : rootNamespace + "." + dir.Replace(Path.DirectorySeparatorChar, '.');
                files.Add(new SourceFile(Path.Combine(folder, relative), declared, folderNamespace, text));
            }
        }

        return files;
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex DeclaredNamespace();

    /// <summary>A dotted name of two or more capitalized parts, not itself after a dot or an identifier character.</summary>
    [GeneratedRegex(@"(?<![\w.""])(?:SamPerms\.)?[A-Z]\w*(?:\.[A-Z]\w*)+")]
    private static partial Regex QualifiedName();
}
