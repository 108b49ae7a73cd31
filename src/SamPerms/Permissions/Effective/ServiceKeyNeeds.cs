using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// AWS services that deliver into an encrypted SNS topic or SQS queue of the template do so as their service
/// principal, which is no IAM principal of the account: the account-root statement does not let it in, and the
/// default key policy does not either. The key policy must name the service for the delivery's KMS actions (Amazon
/// SNS and SQS developer guides, "compatibility between event sources from AWS services and encrypted topics /
/// queues"). One row per place a service is told to deliver; the KMS actions come from the target's
/// <see cref="KeyUses"/> delivery row.
/// </summary>
internal static class ServiceKeyNeeds
{
    private sealed record Sender(string ResourceType, string TargetPath, string Service, string What);

    private static readonly Sender[] Senders =
    [
        new("AWS::S3::Bucket", "NotificationConfiguration.TopicConfigurations[].Topic", "s3.amazonaws.com", "S3 event notifications"),
        new("AWS::S3::Bucket", "NotificationConfiguration.QueueConfigurations[].Queue", "s3.amazonaws.com", "S3 event notifications"),
        new("AWS::Events::Rule", "Targets[].Arn", "events.amazonaws.com", "the EventBridge rule"),
        new("AWS::Events::Rule", "Targets[].DeadLetterConfig.Arn", "events.amazonaws.com", "the EventBridge rule's dead-letter queue"),
        new("AWS::SNS::Subscription", "Endpoint", "sns.amazonaws.com", "the SNS subscription"),
        new("AWS::SNS::Topic", "Subscription[].Endpoint", "sns.amazonaws.com", "the SNS subscription"),
        new("AWS::CloudWatch::Alarm", "AlarmActions[]", "cloudwatch.amazonaws.com", "the CloudWatch alarm"),
        new("AWS::CloudWatch::Alarm", "OKActions[]", "cloudwatch.amazonaws.com", "the CloudWatch alarm"),
        new("AWS::CloudWatch::Alarm", "InsufficientDataActions[]", "cloudwatch.amazonaws.com", "the CloudWatch alarm"),
    ];

    public static IReadOnlyList<SubjectNote> For(AnalysisContext ctx)
    {
        var notes = new List<SubjectNote>();
        foreach (var e in ctx.Resources.Entries)
        {
            var type = ctx.TypeOf(e.Key);
            foreach (var sender in Senders)
            {
                if (sender.ResourceType != type)
                {
                    continue; // asked of every resource of the template: a loop, no query object each time
                }

                foreach (var node in KeyUses.Select(ctx.Properties(e.Key), sender.TargetPath))
                {
                    if (ctx.ReferencedResource(node) is not { } target || KeyUses.All.FirstOrDefault(u => u.Delivery && u.ResourceType == ctx.TypeOf(target)) is not { } use
                        || KeyUses.KeyOf(ctx, target, use.KeyPath) is not { } key)
                    {
                        continue;
                    }

                    var caller = Caller.OfService(sender.Service);
                    var missing = use.KeyActions
                        .Where(a => ResourcePolicyCheck.Decide(ctx.ResourcePolicies, ctx.Values, caller, a, "${" + key.KeyId + ".Arn}")?.Ruling
                            is null or ResourceRuling.None or ResourceRuling.KeyExcludes or ResourceRuling.Denied or ResourceRuling.PartlyDenied)
                        .ToList();
                    if (missing.Count == 0)
                    {
                        continue;
                    }

                    var policy = ctx.ResourcePolicies.FirstOrDefault(p => p.IsKeyPolicy && p.ResourceId == key.KeyId);
                    var why = policy is null
                        ? $"{key.KeyId} has the default key policy, which lets only IAM principals of the account use it"
                        : $"the key policy of {key.KeyId}{(policy.Source.Span.IsKnown ? $" (line {policy.Source.Span.Line})" : "")} does not allow {sender.Service} {string.Join(" and ", missing)}";
                    notes.Add(new SubjectNote(NoteKind.Needs, Diagnostics.DiagnosticCatalog.ServiceKeyNotAllowed,
                        $"{char.ToUpperInvariant(sender.What[0])}{sender.What[1..]} {e.Key} delivers into {target}, which is encrypted with the key {key.KeyId}: {why}; the service principal needs {string.Join(" and ", use.KeyActions)} in the key policy (an account-root statement does not let a service in), or nothing is delivered",
                        ctx.Locate(e.Key, node, "delivery target")));
                }
            }
        }

        return notes;
    }
}
