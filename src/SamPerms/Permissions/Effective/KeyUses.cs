using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// One way of using an encrypted resource: the resource type, where its KMS key is named, what the user does
/// (the actions that make a role a reader or writer), and what that use needs on the key. <see cref="Delivery"/>
/// marks the use a service makes when it delivers into the resource (S3 notifications, EventBridge, SNS, CloudWatch).
/// </summary>
internal sealed record KeyUse(string ResourceType, string KeyPath, string Operation, IReadOnlyList<string> Actions, IReadOnlyList<string> KeyActions, bool Delivery = false);

/// <summary>A use of a resource of the template that a key of the template encrypts: the key's id and the node naming it.</summary>
internal sealed record KeyedUse(string ResourceId, KeyUse Use, string KeyId, Node KeyNode);

/// <summary>
/// What each use of an encrypted resource needs on its customer managed key, from the services' documentation:
/// S3 SSE-KMS (reading an object needs kms:Decrypt, writing one kms:GenerateDataKey); SNS (a publisher, and a
/// service delivering to the topic, needs kms:GenerateDataKey* and kms:Decrypt); SQS (a producer needs
/// kms:GenerateDataKey and kms:Decrypt, a consumer kms:Decrypt); Kinesis (a producer kms:GenerateDataKey, a consumer
/// kms:Decrypt); DynamoDB with a customer managed key (every item read or write decrypts the table key: kms:Decrypt);
/// Secrets Manager (GetSecretValue needs kms:Decrypt, PutSecretValue kms:GenerateDataKey). One row per use: a new
/// one is a line here.
/// </summary>
internal static class KeyUses
{
    private const string S3Key = "BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault.KMSMasterKeyID";

    public static readonly IReadOnlyList<KeyUse> All =
    [
        new("AWS::S3::Bucket", S3Key, "reads objects of", ["s3:GetObject", "s3:GetObjectVersion"], ["kms:Decrypt"]),
        new("AWS::S3::Bucket", S3Key, "writes objects to", ["s3:PutObject"], ["kms:GenerateDataKey"]),
        new("AWS::SNS::Topic", "KmsMasterKeyId", "publishes to", ["sns:Publish"], ["kms:GenerateDataKey", "kms:Decrypt"], Delivery: true),
        new("AWS::SQS::Queue", "KmsMasterKeyId", "sends to", ["sqs:SendMessage"], ["kms:GenerateDataKey", "kms:Decrypt"], Delivery: true),
        new("AWS::SQS::Queue", "KmsMasterKeyId", "receives from", ["sqs:ReceiveMessage"], ["kms:Decrypt"]),
        new("AWS::Kinesis::Stream", "StreamEncryption.KeyId", "writes records to", ["kinesis:PutRecord", "kinesis:PutRecords"], ["kms:GenerateDataKey"]),
        new("AWS::Kinesis::Stream", "StreamEncryption.KeyId", "reads records of", ["kinesis:GetRecords"], ["kms:Decrypt"]),
        new("AWS::DynamoDB::Table", "SSESpecification.KMSMasterKeyId", "reads or writes items of",
            ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem"], ["kms:Decrypt"]),
        new("AWS::SecretsManager::Secret", "KmsKeyId", "reads the value of", ["secretsmanager:GetSecretValue"], ["kms:Decrypt"]),
        new("AWS::SecretsManager::Secret", "KmsKeyId", "writes a value of", ["secretsmanager:PutSecretValue"], ["kms:GenerateDataKey"]),
    ];

    /// <summary>
    /// Every use (a row of <see cref="All"/>) of every resource of the template that is encrypted with a key of the
    /// template, in template order, then the table's: found once per analysis (<see cref="AnalysisContext.KeyedUses"/>),
    /// however many functions ask about them.
    /// </summary>
    public static List<KeyedUse> Keyed(AnalysisContext ctx)
    {
        var result = new List<KeyedUse>();
        foreach (var resourceId in ctx.Index.OfTypes(All.Select(u => u.ResourceType), ctx.Resources))
        {
            var type = ctx.TypeOf(resourceId);
            foreach (var use in All)
            {
                if (use.ResourceType == type && KeyOf(ctx, resourceId, use.KeyPath) is { } key)
                {
                    result.Add(new KeyedUse(resourceId, use, key.KeyId, key.Node));
                }
            }
        }

        return result;
    }

    /// <summary>The KMS key of the template a resource is encrypted with (through an alias of the template too), and the node naming it.</summary>
    public static (string KeyId, Node Node)? KeyOf(AnalysisContext ctx, string resourceId, string keyPath)
    {
        foreach (var node in Select(ctx.Properties(resourceId), keyPath))
        {
            var id = ctx.ReferencedResource(node);
            if (id is not null && ctx.TypeOf(id) == "AWS::KMS::Alias")
            {
                id = ctx.ReferencedResource(ctx.Properties(id)?.Get("TargetKeyId"));
            }

            if (id is not null && ctx.TypeOf(id) == "AWS::KMS::Key")
            {
                return (id, node);
            }
        }

        return null;
    }

    /// <summary>The nodes a dotted path names under a mapping ("A.B[].C": each item of the list B).</summary>
    public static IEnumerable<Node> Select(Node? node, string path)
    {
        // One part at a time, from the nodes found so far to their children there (asked for every resource of a
        // type that can be encrypted, for every function: no query objects per step).
        var current = new List<Node>(1);
        if (node is not null)
        {
            current.Add(node);
        }

        foreach (var range in path.AsSpan().Split('.'))
        {
            var part = path.AsSpan(range);
            bool list = part.EndsWith("[]", StringComparison.Ordinal);
            var key = (list ? part[..^2] : part).ToString();
            var next = new List<Node>(current.Count);
            foreach (var n in current)
            {
                if ((n as MapNode)?.Get(key) is not { } child)
                {
                    continue;
                }

                if (!list)
                {
                    next.Add(child);
                }
                else if (child is SeqNode items)
                {
                    next.AddRange(items.Items);
                }
            }

            current = next;
        }

        return current;
    }
}
