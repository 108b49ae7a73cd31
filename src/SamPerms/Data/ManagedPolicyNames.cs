namespace SamPerms.Data;

/// <summary>
/// AWS managed policy names and their ARNs per partition: how SAM turns <c>Policies: [AmazonS3ReadOnlyAccess]</c>
/// into an ARN. Derived from SAM's bundled map; looked up by binary search over the sorted table (a run that resolves
/// a few names splits no line but theirs).
/// </summary>
public static class ManagedPolicyNames
{
    private static readonly Lazy<SortedTable> Table = new(() => new SortedTable(EmbeddedData.ReadText("managed-policy-names.tsv"), "managed-policy-names.tsv"));

    /// <summary>The ARN of a managed policy name in a partition, or null when SAM does not know the name there.</summary>
    public static string? Arn(string name, string partition)
    {
        if (Table.Value.Line(name) is not { } line)
        {
            return null;
        }

        var cols = line.Split('\t');
        return cols[2].Split(',').Contains(partition) ? $"arn:{partition}:iam::aws:policy/{cols[1]}{name}" : null;
    }

    public static bool IsKnown(string name) => Table.Value.Contains(name);

    public static IEnumerable<string> Names => Table.Value.Keys();
}
