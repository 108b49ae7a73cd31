namespace SamPerms.Data;

/// <summary>One IAM action: its service prefix, name, access level and the resource types it acts on.</summary>
public sealed record IamAction(string Service, string Name, string AccessLevel, IReadOnlyList<string> ResourceTypes)
{
    /// <summary>"s3:GetObject".</summary>
    public string FullName => $"{Service}:{Name}";
}

/// <summary>One AWS service in the catalog: its prefix, name, actions and resource types (with ARN formats).</summary>
public sealed class IamService(string prefix, string name)
{
    public string Prefix { get; } = prefix;

    public string Name { get; } = name;

    public List<IamAction> Actions { get; } = [];

    public Dictionary<string, string> ResourceArns { get; } = new(StringComparer.OrdinalIgnoreCase);

    private Dictionary<string, IamAction>? _byName;

    public IamAction? Action(string name)
    {
        _byName ??= Actions.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        return _byName.GetValueOrDefault(name);
    }
}

/// <summary>
/// The IAM action catalog (every service prefix, action, access level, resource type and ARN format),
/// derived from the public IAM reference data. Service prefixes and action names compare case-insensitively,
/// as IAM does.
/// </summary>
public static class IamActionCatalog
{
    private static readonly Lazy<Dictionary<string, IamService>> Table = new(Load);

    public static IReadOnlyDictionary<string, IamService> Services => Table.Value;

    public static IamService? Service(string prefix) => Table.Value.GetValueOrDefault(prefix);

    /// <summary>The action named "service:Action", or null when the catalog does not know it.</summary>
    public static IamAction? Find(string fullName)
    {
        int colon = fullName.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        return Service(fullName[..colon])?.Action(fullName[(colon + 1)..]);
    }

    private static Dictionary<string, IamService> Load()
    {
        var services = new Dictionary<string, IamService>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in EmbeddedData.ReadText("iam-actions.tsv").Split('\n'))
        {
            if (line.Length < 2 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            switch (cols[0])
            {
                case "S":
                    services[cols[1]] = new IamService(cols[1], cols[2]);
                    break;
                case "A":
                    services[cols[1]].Actions.Add(new IamAction(cols[1], cols[2], Level(cols[3]), cols[4].Length == 0 ? [] : cols[4].Split(',')));
                    break;
                case "R":
                    services[cols[1]].ResourceArns[cols[2]] = cols[3];
                    break;
            }
        }

        return services;
    }

    private static string Level(string code) => code switch
    {
        "L" => "List",
        "R" => "Read",
        "W" => "Write",
        "P" => "Permissions management",
        "T" => "Tagging",
        _ => "Unknown",
    };
}
