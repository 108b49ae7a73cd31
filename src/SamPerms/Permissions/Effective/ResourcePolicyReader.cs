using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// Reads the resource-based policies of the (transformed) template that decide access to its resources. One row
/// per policy type: the property naming the protected resources (null: the resource itself, as for a key) and the
/// property holding the document. A policy whose target is no resource of the template (an ARN written out, a
/// parameter) protects something this template does not define and is left out, except a bucket named literally.
/// </summary>
internal static class ResourcePolicyReader
{
    private sealed record Row(string Type, string Kind, string? Targets, string Document);

    private static readonly Row[] Rows =
    [
        new("AWS::S3::BucketPolicy", "bucket policy", "Bucket", "PolicyDocument"),
        new("AWS::SQS::QueuePolicy", "queue policy", "Queues", "PolicyDocument"),
        new("AWS::SNS::TopicPolicy", "topic policy", "Topics", "PolicyDocument"),
        new("AWS::SecretsManager::ResourcePolicy", "resource policy", "SecretId", "ResourcePolicy"),
        new("AWS::KMS::Key", ResourcePolicy.KeyPolicyKind, null, "KeyPolicy"),
    ];

    public static IReadOnlyList<ResourcePolicy> Read(AnalysisContext ctx)
    {
        var result = new List<ResourcePolicy>();
        foreach (var e in ctx.Resources.Entries)
        {
            if (e.Value is not MapNode r || r.Get("Properties") is not MapNode props || Rows.FirstOrDefault(row => row.Type == r.Get("Type")?.Str) is not { } row
                || props.Get(row.Document) is not { } document)
            {
                continue;
            }

            if (Statements(document, ctx) is not { } statements)
            {
                continue;
            }

            var located = ctx.Locate(e.Key, document, row.Kind);
            var source = props.KeySpanOf(row.Document) is { IsKnown: true } key ? located with { Span = key } : located;
            var targets = row.Targets is null ? [(Node)N.Ref(e.Key)] : props.Get(row.Targets) is SeqNode s ? s.Items : props.Get(row.Targets) is { } one ? [one] : [];
            foreach (var target in targets)
            {
                if (ctx.ReferencedResource(target) is { } id)
                {
                    result.Add(new ResourcePolicy(id, ctx.Values.CanonicalArn(id), row.Kind, e.Key, statements, source));
                }
                else if (row.Type == "AWS::S3::BucketPolicy" && ctx.Values.Render(target) is { Exact: true } name && !name.Text.Contains(':', StringComparison.Ordinal))
                {
                    result.Add(new ResourcePolicy(name.Text, $"arn:{ctx.Values.Partition}:s3:::{name.Text}", row.Kind, e.Key, statements, source));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The document's statements; a document written as JSON text (CloudFormation accepts both) is parsed first, its
    /// statements then carry no place of their own (their lines are the string's, not the template's). Null when
    /// the text is no policy: the policy is then not known here, and nothing is said about it.
    /// </summary>
    private static IReadOnlyList<Statement>? Statements(Node document, AnalysisContext ctx)
    {
        if (document is not StringNode text)
        {
            return StatementReader.Read(document, ctx.Values);
        }

        var parsed = Yaml.TemplateReader.Read(System.Text.Encoding.UTF8.GetBytes(text.Value));
        return !parsed.Succeeded || parsed.Root is not MapNode root ? null
            : StatementReader.Read(root, ctx.Values).Select(st => st with { Node = null }).ToList();
    }
}
