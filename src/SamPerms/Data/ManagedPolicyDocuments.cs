using System.IO.Compression;
using SamPerms.Model;
using SamPerms.Yaml;

namespace SamPerms.Data;

/// <summary>An AWS managed policy and its policy document.</summary>
public sealed record ManagedPolicy(string Name, string Arn, MapNode Document);

/// <summary>
/// The documents of AWS managed policies, so that <c>AmazonS3ReadOnlyAccess</c> on a role can be shown as
/// the statements it grants. Derived from public IAM data; looked up by name or by ARN in any partition.
/// </summary>
public static class ManagedPolicyDocuments
{
    private static readonly Lazy<Dictionary<string, (string Arn, string Json)>> Table = new(Load);

    public static int Count => Table.Value.Count;

    public static ManagedPolicy? ByName(string name)
    {
        if (!Table.Value.TryGetValue(name, out var row))
        {
            return null;
        }

        var doc = TemplateReader.ReadText(row.Json).Root as MapNode ?? new MapNode();
        return new ManagedPolicy(name, row.Arn, doc);
    }

    /// <summary>An AWS managed policy ARN (arn:PARTITION:iam::aws:policy/[path/]Name) → its policy.</summary>
    public static ManagedPolicy? ByArn(string arn)
    {
        const string marker = ":iam::aws:policy/";
        int at = arn.IndexOf(marker, StringComparison.Ordinal);
        if (!arn.StartsWith("arn:", StringComparison.Ordinal) || at < 0)
        {
            return null;
        }

        var name = arn[(arn.LastIndexOf('/') + 1)..];
        return ByName(name);
    }

    private static Dictionary<string, (string, string)> Load()
    {
        using var stream = typeof(ManagedPolicyDocuments).Assembly.GetManifestResourceStream("SamPerms.Data.managed-policy-documents.tsv.gz")
            ?? throw new InvalidOperationException("embedded managed policy documents are missing from the build");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var table = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var cols = line.Split('\t', 3);
            if (cols.Length == 3)
            {
                table[cols[0]] = (cols[1], cols[2]);
            }
        }

        return table;
    }
}
