namespace SamPerms.Data;

/// <summary>The type of a condition key's values, as the IAM documentation gives it.</summary>
public enum ConditionKeyType
{
    /// <summary>The documentation gives more than one type (the key takes either) or none.</summary>
    Any,
    String,
    Arn,
    Numeric,
    Date,
    Bool,
    IpAddress,
    Binary,
}

/// <summary>
/// One documented condition key: its name as documented (<c>aws:RequestTag/${TagKey}</c>), the service whose
/// reference lists it (null for a global key), the type of its values and whether it holds a list.
/// </summary>
public sealed record ConditionKey(string Name, string? Service, ConditionKeyType Type, bool IsList)
{
    /// <summary>The part before the first ':' ("aws", "s3", "token.actions.githubusercontent.com").</summary>
    public string Prefix => Name[..Math.Max(0, Name.IndexOf(':', StringComparison.Ordinal))];
}

/// <summary>
/// The IAM condition keys: the global ones (aws:...) and every key the Service Authorization Reference lists for a
/// service (see regenerate_condition_keys.py). Keys compare case-insensitively, as IAM compares them; a
/// placeholder in a documented name (<c>${TagKey}</c>, <c>&lt;key&gt;</c>, <c>/tag-key</c>) stands for any text.
/// Loaded on first use: only validation of a policy with a Condition needs it.
/// </summary>
public static class IamConditionKeys
{
    private static readonly Lazy<Table> Data = new(Load);

    /// <summary>The documented keys that match a key as written in a policy (several when services share one).</summary>
    public static IReadOnlyList<ConditionKey> Find(string key)
    {
        var table = Data.Value;
        var prefix = PrefixOf(key);
        var result = new List<ConditionKey>();
        if (table.Exact.TryGetValue(key, out var exact))
        {
            result.AddRange(exact);
        }

        if (result.Count == 0 && table.Patterns.TryGetValue(prefix, out var patterns))
        {
            result.AddRange(patterns.Where(p => Matches(p.Name, key)));
        }

        return result;
    }

    /// <summary>The documented keys of a prefix, for suggestions.</summary>
    public static IReadOnlyList<ConditionKey> WithPrefix(string prefix) => Data.Value.ByPrefix.GetValueOrDefault(prefix) ?? [];

    /// <summary>The keys a service's reference lists (its own and those of other prefixes it accepts).</summary>
    public static IReadOnlyList<ConditionKey> OfService(string service) => Data.Value.ByService.GetValueOrDefault(service) ?? [];

    public static string PrefixOf(string key)
    {
        int colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? "" : key[..colon];
    }

    /// <summary>Does a documented name (with placeholders) match a key as written?</summary>
    public static bool Matches(string documented, string key) =>
        Glob(PlaceholderPattern(documented), key);

    /// <summary>Case-insensitive match of a pattern whose only wildcard is '*' (documented key names hold no '?' or '*').</summary>
    private static bool Glob(string pattern, string text) => Text.Glob.Matches(pattern, text, ignoreCase: true);

    private static bool HasPlaceholder(string name) =>
        name.Contains("${", StringComparison.Ordinal) || name.Contains('<', StringComparison.Ordinal) || name.EndsWith("/tag-key", StringComparison.OrdinalIgnoreCase);

    /// <summary>The documented name as a wildcard pattern: each placeholder becomes '*'.</summary>
    private static string PlaceholderPattern(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] == '$' && i + 1 < name.Length && name[i + 1] == '{' && name.IndexOf('}', i) is var end and > 0)
            {
                sb.Append('*');
                i = end;
            }
            else if (name[i] == '<' && name.IndexOf('>', i) is var close and > 0)
            {
                sb.Append('*');
                i = close;
            }
            else
            {
                sb.Append(name[i]);
            }
        }

        var pattern = sb.ToString();
        return pattern.EndsWith("/tag-key", StringComparison.OrdinalIgnoreCase) ? pattern[..^"tag-key".Length] + "*" : pattern;
    }

    private sealed class Table
    {
        public Dictionary<string, List<ConditionKey>> Exact { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, List<ConditionKey>> Patterns { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, List<ConditionKey>> ByPrefix { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, List<ConditionKey>> ByService { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private static Table Load()
    {
        var table = new Table();
        foreach (var line in EmbeddedData.ReadText("iam-condition-keys.tsv").Split('\n'))
        {
            if (line.Length < 2 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            var key = cols[0] == "G" ? new ConditionKey(cols[1], null, TypeOf(cols[2]), cols[2].EndsWith('L'))
                : new ConditionKey(cols[2], cols[1], TypeOf(cols[3]), cols[3].EndsWith('L'));
            Add(HasPlaceholder(key.Name) ? table.Patterns : table.Exact, HasPlaceholder(key.Name) ? key.Prefix : key.Name, key);
            Add(table.ByPrefix, key.Prefix, key);
            if (key.Service is { } service)
            {
                Add(table.ByService, service, key);
            }
        }

        return table;
    }

    private static void Add(Dictionary<string, List<ConditionKey>> map, string name, ConditionKey key)
    {
        if (!map.TryGetValue(name, out var list))
        {
            map[name] = list = [];
        }

        list.Add(key);
    }

    private static ConditionKeyType TypeOf(string code) => code.TrimEnd('L') switch
    {
        "S" => ConditionKeyType.String,
        "A" => ConditionKeyType.Arn,
        "N" => ConditionKeyType.Numeric,
        "D" => ConditionKeyType.Date,
        "B" => ConditionKeyType.Bool,
        "I" => ConditionKeyType.IpAddress,
        "Y" => ConditionKeyType.Binary,
        _ => ConditionKeyType.Any,
    };
}
