namespace SamPerms.Data;

/// <summary>One IAM action: its service prefix, name, access level and the resource types it acts on.</summary>
public sealed record IamAction(string Service, string Name, string AccessLevel, IReadOnlyList<string> ResourceTypes)
{
    /// <summary>"s3:GetObject".</summary>
    public string FullName => $"{Service}:{Name}";
}

/// <summary>One AWS service in the catalog: its prefix, name, actions and resource types (with ARN formats).</summary>
/// <remarks>Its lines of the catalog are parsed when its actions or resource types are first asked for.</remarks>
public sealed class IamService
{
    private readonly Lazy<(List<IamAction> Actions, Dictionary<string, string> Arns)> _body;
    private Dictionary<string, IamAction>? _byName;

    public IamService(string prefix, string name, ReadOnlyMemory<byte> lines)
    {
        Prefix = prefix;
        Name = name;
        _body = new(() => Parse(prefix, lines.Span));
    }

    public string Prefix { get; }

    public string Name { get; }

    public IReadOnlyList<IamAction> Actions => _body.Value.Actions;

    public IReadOnlyDictionary<string, string> ResourceArns => _body.Value.Arns;

    public IamAction? Action(string name)
    {
        _byName ??= _body.Value.Actions.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        return _byName.GetValueOrDefault(name);
    }

    /// <summary>The service's A (action) and R (resource type ARN) lines.</summary>
    private static (List<IamAction>, Dictionary<string, string>) Parse(string prefix, ReadOnlySpan<byte> block)
    {
        var actions = new List<IamAction>();
        var arns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in System.Text.Encoding.UTF8.GetString(block).Split('\n'))
        {
            var cols = line.Split('\t');
            switch (cols[0])
            {
                case "A":
                    actions.Add(new IamAction(prefix, cols[2], Level(cols[3]), cols[4].Length == 0 ? [] : cols[4].Split(',')));
                    break;
                case "R":
                    arns[cols[2]] = cols[3];
                    break;
            }
        }

        return (actions, arns);
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

    /// <summary>
    /// Finds each service's S line and the extent of the lines after it (a service's lines are together); the
    /// actions themselves are parsed per service, when a command asks about that service.
    /// </summary>
    private static Dictionary<string, IamService> Load()
    {
        var memory = EmbeddedData.ReadInPlace("iam-actions.tsv");
        var bytes = memory.Span;
        var services = new Dictionary<string, IamService>(StringComparer.OrdinalIgnoreCase);
        string? prefix = null, name = null;
        int blockStart = 0, at = 0;
        while (at < bytes.Length)
        {
            int end = bytes[at..].IndexOf((byte)'\n');
            end = end < 0 ? bytes.Length : at + end;
            if (end - at > 2 && bytes[at] == (byte)'S' && bytes[at + 1] == (byte)'\t')
            {
                Add(at);
                var cols = System.Text.Encoding.UTF8.GetString(bytes[at..end]).Split('\t');
                (prefix, name, blockStart) = (cols[1], cols[2], end + 1);
            }

            at = end + 1;
        }

        Add(bytes.Length);
        return services;

        void Add(int blockEnd)
        {
            if (prefix is not null)
            {
                services[prefix] = new IamService(prefix, name!, memory.Slice(blockStart, Math.Max(0, blockEnd - blockStart)));
            }
        }
    }
}
