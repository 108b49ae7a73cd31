namespace SamPerms.Data;

/// <summary>The kind of value a CloudFormation property takes, as far as a template's literal shows it.</summary>
public enum CfnValueKind
{
    Any,
    String,
    Number,
    Boolean,
    Array,
    Object,
}

/// <summary>A top-level property of a resource type: its kind and, for a string with a short enum, the allowed values.</summary>
public sealed record CfnProperty(string Name, CfnValueKind Kind, IReadOnlyList<string>? Allowed);

/// <summary>
/// What CloudFormation accepts for one resource type: its top-level properties (<see cref="Open"/> when it takes
/// others too), the required ones and the attributes <c>Fn::GetAtt</c> may name (null: any, details not known).
/// </summary>
public sealed record CfnResourceType(string Name, bool Open, IReadOnlyDictionary<string, CfnProperty> Properties, IReadOnlyList<string> Required, IReadOnlySet<string>? Attributes);

/// <summary>
/// The CloudFormation resource types, derived from the public resource provider schemas
/// (Data/regenerate_cfn_resources.py; Data/NOTICE.md). Read on first use (sorted lines, found by binary search); a
/// type's line is parsed when asked for.
/// </summary>
public static class CfnResourceTypes
{
    private static readonly Lazy<SortedTable> Lines = new(Load);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CfnResourceType> Parsed = new(StringComparer.Ordinal);

    /// <summary>Every type name CloudFormation knows (in any region).</summary>
    public static IEnumerable<string> Names => Lines.Value.Keys();

    public static bool IsKnown(string type) => Lines.Value.Contains(type);

    public static CfnResourceType? Find(string type) =>
        Parsed.TryGetValue(type, out var known) ? known : Lines.Value.Line(type) is { } line ? Parsed.GetOrAdd(type, _ => Parse(line)) : null;

    // Stored as it is, not compressed: decoded from the loaded binary's memory (inflating it was a fifth of the time
    // validate took on one template).
    private static SortedTable Load() => new(EmbeddedData.ReadText("cfn-resources.tsv"), "cfn-resources.tsv");

    private static CfnResourceType Parse(string line)
    {
        var f = line.Split('\t');
        var open = false;
        var props = new Dictionary<string, CfnProperty>(StringComparer.Ordinal);
        foreach (var item in f[1].Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (item == "+")
            {
                open = true;
                continue;
            }

            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var name = item[..eq];
            var rest = item[(eq + 1)..];
            var bar = rest.IndexOf('|', StringComparison.Ordinal);
            var kind = (bar < 0 ? rest : rest[..bar]) switch
            {
                "s" => CfnValueKind.String,
                "n" => CfnValueKind.Number,
                "b" => CfnValueKind.Boolean,
                "a" => CfnValueKind.Array,
                "o" => CfnValueKind.Object,
                _ => CfnValueKind.Any,
            };
            props[name] = new CfnProperty(name, kind, bar < 0 ? null : rest[(bar + 1)..].Split('/'));
        }

        var required = f[2].Split(';', StringSplitOptions.RemoveEmptyEntries);
        IReadOnlySet<string>? attributes = f[3] == "*" ? null : f[3].Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return new CfnResourceType(f[0], open, props, required, attributes);
    }
}
