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
/// <remarks>
/// Laid out to be read one at a time (Data/regenerate.py): a small index (name, ARN, where the document is) read on
/// first use, and each document deflated on its own, inflated and parsed only when asked for.
/// </remarks>
public static class ManagedPolicyDocuments
{
    private const string Blob = "SamPerms.Data.managed-policy-documents.bin";

    private static readonly Lazy<SortedTable> Index = new(() => new SortedTable(EmbeddedData.ReadText("managed-policy-index.tsv"), "managed-policy-index.tsv"));

    public static int Count => Index.Value.Count;

    public static ManagedPolicy? ByName(string name)
    {
        if (Index.Value.Line(name)?.Split('\t') is not [_, var arn, var offset, var length])
        {
            return null;
        }

        var doc = TemplateReader.ReadText(Document(Int(offset), Int(length))).Root as MapNode ?? new MapNode();
        return new ManagedPolicy(name, arn, doc);
    }

    private static int Int(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

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

    private static string Document(int offset, int length)
    {
        using var stream = typeof(ManagedPolicyDocuments).Assembly.GetManifestResourceStream(Blob)
            ?? throw new InvalidOperationException($"embedded data '{Blob}' is missing from the build");
        var packed = new byte[length];
        stream.Position = offset;
        stream.ReadExactly(packed);
        using var inflate = new DeflateStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var reader = new StreamReader(inflate);
        return reader.ReadToEnd();
    }
}
