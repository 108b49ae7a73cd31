using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// Event sources encrypted with a KMS key of the template: Lambda's poller reads an SQS queue (KmsMasterKeyId), a
/// Kinesis stream (StreamEncryption) or a DynamoDB stream (SSESpecification.KMSMasterKeyId) with the function's
/// role, which then needs kms:Decrypt on the key (Lambda developer guide, execution role permissions for each
/// event source) — from its IAM policy AND the key policy (directly, or through the account-root statement).
/// </summary>
internal static class KeyNeeds
{
    private const string Decrypt = "kms:Decrypt";

    public static IEnumerable<SubjectNote> For(AnalysisContext ctx, Subject subject)
    {
        if (subject.Kind != SubjectKind.Function || subject.Role.Kind is not (RoleKind.Generated or RoleKind.Template) || subject.Role.LogicalId is not { } roleId)
        {
            return [];
        }

        var notes = new List<SubjectNote>();
        var statements = GrantStatements.Of(subject.MayDo);
        foreach (var poller in subject.Pollers)
        {
            var mapping = ctx.Properties(poller.MappingLogicalId);
            if (ctx.ReferencedResource(mapping?.Get("EventSourceArn")) is not { } sourceId || KeyOf(ctx, sourceId) is not { } key)
            {
                continue;
            }

            // The key as grants write it: !GetAtt Key.Arn, or an ARN built from its id (KMSDecryptPolicy: key/${KeyId}).
            var iam = Best(
                PolicyEvaluator.Evaluate(statements, Decrypt, "${" + key.KeyId + ".Arn}"),
                PolicyEvaluator.Evaluate(statements, Decrypt, $"arn:{ctx.Values.Partition}:kms:{ctx.Values.Region}:${{AWS::AccountId}}:key/${{{key.KeyId}}}"));
            var roleArns = new[] { ctx.Values.Render(N.GetAtt(roleId, "Arn")).Text, ctx.Values.CanonicalArn(roleId) ?? "" };
            var keyPolicy = KeyPolicy.For(ctx, key.KeyId, Decrypt, roleArns);
            string? problem = keyPolicy switch
            {
                KeyPolicyAnswer.Denies => $"the key policy of {key.KeyId} denies {Decrypt} to the role",
                KeyPolicyAnswer.AllowsPrincipal => null,
                KeyPolicyAnswer.DelegatesToIam when iam.Decision == Decision.Allowed => null,
                KeyPolicyAnswer.DelegatesToIam when iam.Decision is Decision.NotAllowed or Decision.Denied && !subject.MayDo.Any(g => g.Opaque) =>
                    $"its role does not allow {Decrypt} on {key.KeyId} (add KMSDecryptPolicy with KeyId: !Ref {key.KeyId})",
                KeyPolicyAnswer.DoesNotAllow when iam.Decision == Decision.Allowed =>
                    $"the role allows {Decrypt}, but the key policy of {key.KeyId} neither names the role nor has the account-root statement: for KMS keys the IAM grant alone is not enough (KMS is the exception to same-account access: the key policy must allow it)",
                KeyPolicyAnswer.DoesNotAllow => $"neither the role nor the key policy of {key.KeyId} allows {Decrypt} (and for KMS keys the key policy must allow it)",
                _ => null,
            };
            if (problem is not null)
            {
                notes.Add(new SubjectNote(NoteKind.Needs, Diagnostics.DiagnosticCatalog.KeyNotUsable,
                    $"the poller of {sourceId} reads it with {subject.SamLogicalId}'s role and needs {Decrypt} on its key {key.KeyId}{Line(key.Node)}: {problem}; the function is never invoked", poller.Source));
            }
        }

        return notes;
    }

    private static Evaluation Best(Evaluation a, Evaluation b) =>
        a.Decision == Decision.Allowed ? a : b.Decision == Decision.Allowed ? b : a.Decision == Decision.Undecided ? a : b;

    private static string Line(Node node) => node.Span.IsKnown ? $" (line {node.Span.Line})" : "";

    /// <summary>The KMS key of the template a source is encrypted with, and the property that names it.</summary>
    private static (string KeyId, Node Node)? KeyOf(AnalysisContext ctx, string sourceId)
    {
        var props = ctx.Properties(sourceId);
        var node = ctx.TypeOf(sourceId) switch
        {
            "AWS::SQS::Queue" => props?.Get("KmsMasterKeyId"),
            "AWS::Kinesis::Stream" => (props?.Get("StreamEncryption") as MapNode)?.Get("KeyId"),
            _ => null,
        };
        return node is not null && ctx.ReferencedResource(node) is { } keyId && ctx.TypeOf(keyId) == "AWS::KMS::Key" ? (keyId, node) : null;
    }
}
