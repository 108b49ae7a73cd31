using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Text;

namespace SamPerms.Validation;

/// <summary>
/// Codes the user chose to ignore: everywhere (<c>--ignore CODE</c>, the project file's <c>ignore</c>), for the
/// whole template (its top-level <c>Metadata: SamPerms: Ignore: [CODE, ...]</c>) or for one resource (the resource's
/// <c>Metadata: SamPerms: Ignore:</c>). A resource's suppressions cover every finding located inside it, including
/// findings about the resources SAM generates from it. A code may end with <c>*</c> to name every code it starts
/// (<c>SP31*</c>). The suppressions written in the template are checked: one that names no code, or that
/// suppressed nothing, is reported (<see cref="Problems"/>), so stale ones do not pile up.
/// </summary>
public sealed class Suppressions
{
    private readonly List<string> _global;
    private readonly List<Entry> _inTemplate = [];

    public Suppressions(IEnumerable<string> global, MapNode? input)
    {
        _global = [.. global];
        if (input is null)
        {
            return;
        }

        Read(input, null, "Metadata");
        if (input.Get("Resources") is MapNode resources)
        {
            foreach (var e in resources.Entries)
            {
                if (e.Value is MapNode resource)
                {
                    Read(resource, e.Key, $"Resources.{e.Key}.Metadata");
                }
            }
        }
    }

    /// <summary>The key under <c>Metadata: SamPerms:</c> that lists suppressed codes.</summary>
    public const string Key = "Ignore";

    /// <summary>True when <paramref name="pattern"/> (a code, or a prefix ending in <c>*</c>) names <paramref name="code"/>.</summary>
    public static bool Matches(string pattern, string code) =>
        pattern.EndsWith('*')
            ? code.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, code, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the pattern names at least one code SamPerms reports.</summary>
    public static bool IsKnown(string pattern) => DiagnosticCatalog.All.Any(d => Matches(pattern, d.Code));

    public bool IsIgnoredEverywhere(Diagnostic d) => _global.Any(p => Matches(p, d.Code));

    /// <summary>True when the finding is suppressed (and the suppression that did it is marked as used).</summary>
    public bool IsSuppressed(Diagnostic d)
    {
        bool suppressed = IsIgnoredEverywhere(d);
        var resource = d.ResourceId;
        foreach (var entry in _inTemplate)
        {
            if ((entry.Resource is null || entry.Resource == resource) && Matches(entry.Pattern, d.Code))
            {
                entry.Used = true;
                suppressed = true;
            }
        }

        return suppressed;
    }

    /// <summary>The suppressions written in the template: code or prefix, the resource (null: the whole template), where.</summary>
    public IEnumerable<(string Pattern, string? Resource, Location Where)> InTemplate =>
        _inTemplate.Select(e => (e.Pattern, e.Resource, new Location(e.Span, e.Path)));

    /// <summary>
    /// Suppressions in the template that suppressed nothing (call after every finding was seen). One that names
    /// no code at all is reported by the rule that checks them (<see cref="Rules.SuppressionRule"/>).
    /// </summary>
    public IEnumerable<Diagnostic> Unused()
    {
        foreach (var entry in _inTemplate.Where(e => !e.Used && IsKnown(e.Pattern)))
        {
            var where = entry.Resource is null ? "the template" : $"'{entry.Resource}'";
            yield return DiagnosticCatalog.UnusedSuppressionDescriptor.At(entry.Span,
                $"{Key}: '{entry.Pattern}' of {where} suppresses nothing; remove it", entry.Path);
        }
    }

    private void Read(MapNode owner, string? resource, string path)
    {
        if ((owner.Get("Metadata") as MapNode)?.Get("SamPerms") is not MapNode ours || ours.Get(Key) is not { } ignore)
        {
            return;
        }

        var items = ignore is SeqNode s ? s.Items.Select((n, i) => (Node: n, Path: $"{path}.SamPerms.{Key}[{i}]")) : [(ignore, $"{path}.SamPerms.{Key}")];
        foreach (var (node, itemPath) in items)
        {
            if (node.Str is { Length: > 0 } code)
            {
                _inTemplate.Add(new Entry(code, resource, node.Span, itemPath));
            }
        }
    }

    private sealed record Entry(string Pattern, string? Resource, SourceSpan Span, string Path)
    {
        public bool Used { get; set; }
    }
}
