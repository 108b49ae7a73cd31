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

            var why = KeyUseProblem.Of(ctx, statements, subject.MayDo.Any(g => g.Opaque), Caller.Role(roleId, ctx.Values), key.KeyId, Decrypt);
            var problem = why switch
            {
                null => null,
                KeyUseProblemKind.RoleLacks => KeyUseProblem.Describe(why.Value, Decrypt, key.KeyId) + $" (add KMSDecryptPolicy with KeyId: !Ref {key.KeyId})",
                _ => KeyUseProblem.Describe(why.Value, Decrypt, key.KeyId),
            };
            if (problem is not null)
            {
                notes.Add(new SubjectNote(NoteKind.Needs, Diagnostics.DiagnosticCatalog.KeyNotUsable,
                    $"the poller of {sourceId} reads it with {subject.SamLogicalId}'s role and needs {Decrypt} on its key {key.KeyId}{Line(key.Node)}: {problem}; the function is never invoked", poller.Source));
            }
        }

        return notes;
    }

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
