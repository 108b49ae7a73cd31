using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Text;
using SamPerms.Validation;
using SamPerms.Yaml;

namespace SamPerms.Pipeline;

/// <summary>
/// Finds and reads <c>.samperms.yaml</c>: beside the template, else in a parent folder up to the repository root
/// (the folder with <c>.git</c>). Every bad key or value is a located error (file:line:col), with a suggestion for
/// a misspelled key.
/// </summary>
public static class ProjectConfigReader
{
    public static readonly IReadOnlyList<string> FileNames = [".samperms.yaml", ".samperms.yml"];

    private static readonly string[] Keys = ["ignore", "fail-on", "show", "region", "templates"];
    private static readonly string[] TemplateKeys = ["intent"];
    private static readonly string[] FailOnValues = ["error", "warning", "info", "none"];
    private static readonly string[] ShowValues = ["error", "warning", "info"];

    /// <summary>The project file for a template in <paramref name="folder"/>, or null.</summary>
    public static string? Find(string folder)
    {
        var start = new DirectoryInfo(Path.GetFullPath(folder));
        bool inRepository = InRepository(start);
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            if (FileNames.Select(n => Path.Combine(dir.FullName, n)).FirstOrDefault(File.Exists) is { } found)
            {
                return found;
            }

            // Up to the repository root; outside a repository only the template's own folder.
            if (!inRepository || Path.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return null;
            }
        }

        return null;
    }

    public static ProjectConfig? Read(byte[] bytes, string file, out List<Diagnostic> problems)
    {
        problems = [];
        var read = TemplateReader.Read(bytes);
        if (!read.Succeeded)
        {
            problems.AddRange(read.Diagnostics.Select(d => d.WithFile(file)));
            return null;
        }

        if (read.Root is NullNode)
        {
            return ProjectConfig.None with { File = file };
        }

        if (read.Root is not MapNode root)
        {
            problems.Add(ConfigDiagnostics.Invalid("the project file is a mapping (ignore, fail-on, show, region, templates)", read.Root?.Span ?? SourceSpan.None, file));
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var config = ProjectConfig.None with { File = file };
        var intents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in root.Entries)
        {
            switch (e.Key)
            {
                case "ignore":
                    config = config with { Ignore = Codes(e.Value, file, problems) };
                    break;
                case "fail-on":
                    config = config with { FailOn = OneOf(e, FailOnValues, file, problems) };
                    break;
                case "show":
                    config = config with { Show = OneOf(e, ShowValues, file, problems) };
                    break;
                case "region":
                    config = config with { Region = String(e, file, problems) };
                    break;
                case "templates":
                    ReadTemplates(e.Value, folder, file, intents, problems);
                    break;
                default:
                    problems.Add(UnknownKey(e, Keys, file));
                    break;
            }
        }

        return problems.Count == 0 ? config with { Intents = intents } : null;
    }

    private static bool InRepository(DirectoryInfo start)
    {
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            if (Path.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return true;
            }
        }

        return false;
    }

    private static void ReadTemplates(Node node, string folder, string file, Dictionary<string, string> intents, List<Diagnostic> problems)
    {
        if (node is not MapNode templates)
        {
            problems.Add(ConfigDiagnostics.Invalid("templates maps each template's path (relative to this file) to its settings, e.g. intent: intent.yaml", node.Span, file));
            return;
        }

        foreach (var t in templates.Entries)
        {
            if (t.Value is not MapNode settings)
            {
                problems.Add(ConfigDiagnostics.Invalid($"the settings of template '{t.Key}' are a mapping (intent: FILE)", t.Value.Span, file));
                continue;
            }

            foreach (var s in settings.Entries)
            {
                if (s.Key != "intent")
                {
                    problems.Add(UnknownKey(s, TemplateKeys, file));
                }
                else if (String(s, file, problems) is { } intent)
                {
                    intents[Path.GetFullPath(Path.Combine(folder, t.Key))] = Path.GetFullPath(Path.Combine(folder, intent));
                }
            }
        }
    }

    private static List<string> Codes(Node node, string file, List<Diagnostic> problems)
    {
        var items = node switch
        {
            SeqNode s => s.Items.ToList(),
            StringNode => [node],
            _ => null,
        };
        if (items is null)
        {
            problems.Add(ConfigDiagnostics.Invalid("ignore is a list of codes (SP3104) or prefixes (SP31*)", node.Span, file));
            return [];
        }

        var codes = new List<string>();
        foreach (var item in items)
        {
            foreach (var code in (item.Str ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Suppressions.IsKnown(code))
                {
                    codes.Add(code);
                }
                else
                {
                    problems.Add(ConfigDiagnostics.Invalid($"ignore: '{code}' is not a SamPerms code{Suggest.DidYouMean(code, DiagnosticCatalog.All.Select(d => d.Code))}", item.Span, file));
                }
            }

            if (item.Str is null)
            {
                problems.Add(ConfigDiagnostics.Invalid("ignore lists codes as strings", item.Span, file));
            }
        }

        return codes;
    }

    private static string? String(MapEntry e, string file, List<Diagnostic> problems)
    {
        if (e.Value.Str is { Length: > 0 } s)
        {
            return s;
        }

        problems.Add(ConfigDiagnostics.Invalid($"{e.Key} is a string", e.Value.Span, file));
        return null;
    }

    private static string? OneOf(MapEntry e, string[] allowed, string file, List<Diagnostic> problems)
    {
        var value = String(e, file, problems);
        if (value is null || allowed.Contains(value))
        {
            return value;
        }

        problems.Add(ConfigDiagnostics.Invalid($"{e.Key}: '{value}' is not one of {string.Join(", ", allowed)}{Suggest.DidYouMean(value, allowed)}", e.Value.Span, file));
        return null;
    }

    private static Diagnostic UnknownKey(MapEntry e, string[] allowed, string file) =>
        ConfigDiagnostics.Invalid($"unknown key '{e.Key}' (expected {string.Join(", ", allowed)}){Suggest.DidYouMean(e.Key, allowed)}", e.KeySpan, file);
}
