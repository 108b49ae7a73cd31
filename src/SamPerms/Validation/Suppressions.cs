using SamPerms.Diagnostics;
using SamPerms.Model;

namespace SamPerms.Validation;

/// <summary>
/// Codes the user chose to ignore: everywhere (<c>--ignore CODE</c>), or for one resource with
/// <c>Metadata: {SamPerms: {Ignore: [CODE, ...]}}</c>. A resource's suppressions cover every finding located
/// inside it, including findings about the resources SAM generates from it.
/// </summary>
public sealed class Suppressions
{
    private readonly HashSet<string> _global;
    private readonly Dictionary<string, HashSet<string>> _byResource = new(StringComparer.Ordinal);

    public Suppressions(IEnumerable<string> global, MapNode? input)
    {
        _global = new HashSet<string>(global, StringComparer.OrdinalIgnoreCase);
        if (input?.Get("Resources") is not MapNode resources)
        {
            return;
        }

        foreach (var e in resources.Entries)
        {
            if ((e.Value as MapNode)?.Get("Metadata") is MapNode metadata
                && metadata.Get("SamPerms") is MapNode ours
                && ours.Get("Ignore") is { } ignore)
            {
                var codes = ignore is SeqNode s ? s.Items.Select(i => i.Str) : [ignore.Str];
                _byResource[e.Key] = new HashSet<string>(codes.OfType<string>(), StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    public bool IsSuppressed(Diagnostic d)
    {
        if (_global.Contains(d.Code))
        {
            return true;
        }

        return ResourceOf(d.Path) is { } id && _byResource.TryGetValue(id, out var codes) && codes.Contains(d.Code);
    }

    /// <summary>The logical id in a path <c>Resources.Id...</c>.</summary>
    public static string? ResourceOf(string? path)
    {
        const string Prefix = "Resources.";
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path.AsSpan(Prefix.Length);
        int end = rest.IndexOfAny('.', '[');
        return (end < 0 ? rest : rest[..end]).ToString();
    }
}
