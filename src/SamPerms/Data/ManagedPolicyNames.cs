using SamPerms.Model;

namespace SamPerms.Data;

/// <summary>
/// AWS managed policy names and their ARNs per partition: how SAM turns <c>Policies: [AmazonS3ReadOnlyAccess]</c>
/// into an ARN. Derived from SAM's bundled map.
/// </summary>
public static class ManagedPolicyNames
{
    private static readonly Lazy<Dictionary<string, (string Path, string[] Partitions)>> Table = new(Load);

    /// <summary>The ARN of a managed policy name in a partition, or null when SAM does not know the name there.</summary>
    public static string? Arn(string name, string partition)
    {
        if (Table.Value.TryGetValue(name, out var row) && row.Partitions.Contains(partition))
        {
            return $"arn:{partition}:iam::aws:policy/{row.Path}{name}";
        }

        return null;
    }

    public static bool IsKnown(string name) => Table.Value.ContainsKey(name);

    public static IEnumerable<string> Names => Table.Value.Keys;

    private static Dictionary<string, (string, string[])> Load()
    {
        var table = new Dictionary<string, (string, string[])>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.ReadText("managed-policy-names.tsv").Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            table[cols[0]] = (cols[1], cols[2].Split(','));
        }

        return table;
    }
}
