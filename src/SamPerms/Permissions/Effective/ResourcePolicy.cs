using SamPerms.Iam;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// A resource-based policy of the template that decides access to one of its resources: a bucket policy, a queue
/// policy, a topic policy, a secret's resource policy or a KMS key's key policy. <see cref="Arn"/> is the protected
/// resource's canonical ARN when known (a request on it, or on an object under it, is decided by this policy too);
/// <see cref="Statements"/> are read with the template's values; <see cref="Source"/> is the policy document's place.
/// </summary>
public sealed record ResourcePolicy(string ResourceId, string? Arn, string Kind, string PolicyId, IReadOnlyList<Statement> Statements, Source Source)
{
    /// <summary>A KMS key policy: unlike the others, it must allow a use itself (directly or through the account root).</summary>
    public bool IsKeyPolicy => Kind == KeyPolicyKind;

    public const string KeyPolicyKind = "key policy";

    /// <summary>"the bucket policy OrdersPolicy", "the key policy of QueueKey".</summary>
    public string Name => IsKeyPolicy ? $"the key policy of {ResourceId}" : $"the {Kind} {PolicyId}";
}
