using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Yaml;

namespace SamPerms.Validation;

/// <summary>
/// A baseline of accepted findings (<c>validate --write-baseline FILE</c>, then <c>--baseline FILE</c>): only findings
/// not in it are reported. A finding is matched by its file, code and template path (which names the resource), not
/// by line, so edits elsewhere in the template do not break the baseline; a finding without a path (a syntax error)
/// is matched by its message. Each entry accepts one finding. Files are kept relative to the baseline's folder.
/// </summary>
public sealed class AcceptedFindings
{
    public const string SchemaId = "urn:samperms:baseline:1";

    private readonly Dictionary<string, int> _remaining = new(StringComparer.Ordinal);

    private AcceptedFindings(string folder) => Folder = folder;

    /// <summary>The folder the baseline's file names are relative to.</summary>
    public string Folder { get; }

    /// <summary>True when the finding is accepted (consuming one entry).</summary>
    public bool Accepts(Diagnostic d)
    {
        var key = Key(Path.GetFullPath(d.File ?? ""), d);
        if (_remaining.TryGetValue(key, out var n) && n > 0)
        {
            _remaining[key] = n - 1;
            return true;
        }

        return false;
    }

    /// <summary>The baseline file's content for the findings, files relative to <paramref name="folder"/>.</summary>
    public static MapNode Build(IEnumerable<Diagnostic> findings, string folder)
    {
        var list = new SeqNode();
        foreach (var d in findings
            .Select(d => (File: Relative(folder, d.File ?? ""), D: d))
            .OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.D.Code, StringComparer.Ordinal)
            .ThenBy(x => x.D.Path ?? "", StringComparer.Ordinal).ThenBy(x => x.D.Message, StringComparer.Ordinal))
        {
            list.Add(N.Map(
                ("file", d.File),
                ("code", d.D.Code),
                ("resource", d.D.ResourceId is { } r ? r : NullNode.Instance),
                ("path", d.D.Path is { } p ? p : NullNode.Instance),
                ("message", d.D.Message)));
        }

        return N.Map(("schema", SchemaId), ("accepted", list));
    }

    /// <summary>Reads a baseline; located problems (file:line:col) when it is not one.</summary>
    public static AcceptedFindings? Read(byte[] bytes, string file, out List<Diagnostic> problems)
    {
        problems = [];
        var read = TemplateReader.Read(bytes);
        if (!read.Succeeded)
        {
            problems.AddRange(read.Diagnostics.Select(d => d.WithFile(file)));
            return null;
        }

        var accepted = (read.Root as MapNode)?.Get("accepted") as SeqNode;
        if (accepted is null)
        {
            problems.Add(Invalid("a baseline is a JSON object with an 'accepted' list (write one with --write-baseline)", read.Root?.Span ?? Text.SourceSpan.None, file));
            return null;
        }

        var result = new AcceptedFindings(Path.GetDirectoryName(Path.GetFullPath(file))!);
        foreach (var item in accepted.Items)
        {
            if (item is not MapNode m || m.Get("file")?.Str is not { } f || m.Get("code")?.Str is not { } code)
            {
                problems.Add(Invalid("each accepted finding has at least 'file' and 'code'", item.Span, file));
                continue;
            }

            var d = new Diagnostic(code, Severity.Info, m.Get("message")?.Str ?? "", Text.SourceSpan.None, m.Get("path")?.Str);
            var key = Key(Path.GetFullPath(Path.Combine(result.Folder, f)), d);
            result._remaining[key] = result._remaining.GetValueOrDefault(key) + 1;
        }

        return problems.Count == 0 ? result : null;
    }

    private static Diagnostic Invalid(string message, Text.SourceSpan span, string file) =>
        ConfigDiagnostics.Invalid(message, span, file);

    private static string Key(string fullFile, Diagnostic d) =>
        $"{fullFile}\n{d.Code.ToUpperInvariant()}\n{(d.Path is not null ? "path:" + d.Path : "message:" + d.Message)}";

    private static string Relative(string folder, string file) =>
        file.Length == 0 ? "" : Path.GetRelativePath(folder, Path.GetFullPath(file)).Replace('\\', '/');
}
