using SamPerms.Diagnostics;
using SamPerms.Iam;
using SamPerms.Model;
using SamPerms.Permissions;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A function invoked by a queue, topic, bucket or stream that its own role may write to: each write can invoke
/// it again (the image resizer that writes its thumbnails to the bucket that triggers it). Only what the role
/// certainly may do is reported; a grant that depends on deploy-time values is not.
/// </summary>
public sealed class RecursiveTriggerRule : IValidationRule
{
    /// <summary>The write that re-triggers, per type of event source, and the resource it is checked on.</summary>
    private static readonly Dictionary<string, (string Action, string Suffix, string What)> Writes = new(StringComparer.Ordinal)
    {
        ["AWS::SQS::Queue"] = ("sqs:SendMessage", "", "queue {0}"),
        ["AWS::SNS::Topic"] = ("sns:Publish", "", "topic {0}"),
        ["AWS::S3::Bucket"] = ("s3:PutObject", "/any-key", "bucket {0}"),
        ["AWS::Kinesis::Stream"] = ("kinesis:PutRecord", "", "stream {0}"),
        ["AWS::DynamoDB::Table"] = ("dynamodb:PutItem", "", "the stream of table {0}"),
    };

    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.RecursiveTriggerDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.PermissionMap is not { Values: { } values } map)
        {
            return;
        }

        var notifyingBuckets = NotifyingBuckets(context);
        foreach (var subject in map.Subjects.Where(s => s.Kind == SubjectKind.Function))
        {
            var grants = GrantStatements.Of(subject.MayDo);
            foreach (var (sourceId, origin) in Triggers(subject, notifyingBuckets))
            {
                if (context.OutputResources.Get(sourceId) is not MapNode source || source.Get("Type")?.Str is not { } type
                    || !Writes.TryGetValue(type, out var write) || values.CanonicalArn(sourceId) is not { } arn)
                {
                    continue;
                }

                var ev = PolicyEvaluator.Evaluate(grants, write.Action, arn + write.Suffix);
                if (ev.Decision != Decision.Allowed)
                {
                    continue;
                }

                var grant = subject.MayDo[ev.Allowing[0].Id];
                var at = origin.Span.IsKnown
                    ? new Location(origin.Span, origin.PropertyPath.Length > 0 ? $"Resources.{origin.LogicalId}.Properties.{origin.PropertyPath}" : $"Resources.{origin.LogicalId}")
                    : context.Locate(subject.LogicalId);
                findings.Add(DiagnosticCatalog.RecursiveTriggerDescriptor.At(at.Span,
                    $"{subject.SamLogicalId} is invoked by {string.Format(System.Globalization.CultureInfo.InvariantCulture, write.What, sourceId)}, and its role may {write.Action} there ({grant.Source}): what it writes can invoke it again, in a loop",
                    at.Path));
            }
        }
    }

    /// <summary>The template resources whose events invoke the function, with where the event is written.</summary>
    private static IEnumerable<(string Source, Source Origin)> Triggers(Subject subject, Dictionary<string, List<string>> notifyingBuckets)
    {
        foreach (var p in subject.Pollers)
        {
            if (SymbolId(p.EventSourceArn.Text) is { } id)
            {
                yield return (id, p.Source);
            }
        }

        foreach (var i in subject.InvokedBy.Where(i => i.Kind == InvokerKind.Permission))
        {
            if (i.Principal.StartsWith("sns.", StringComparison.Ordinal) && i.SourceArn is { } topic && SymbolId(topic.Text) is { } id)
            {
                yield return (id, i.Source);
            }
        }

        // S3 notifications name the function in the bucket's NotificationConfiguration (the permission has no SourceArn).
        foreach (var bucketId in notifyingBuckets.GetValueOrDefault(subject.LogicalId) ?? [])
        {
            var invoker = subject.InvokedBy.FirstOrDefault(i => i.Principal.StartsWith("s3.", StringComparison.Ordinal));
            yield return (bucketId, invoker?.Source ?? subject.Source);
        }
    }

    /// <summary>The buckets whose notifications name each function (by logical id), in template order: read once for all functions.</summary>
    private static Dictionary<string, List<string>> NotifyingBuckets(ValidationContext context)
    {
        var buckets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in context.OutputResources.Entries)
        {
            if (e.Value is MapNode bucket && bucket.Get("Type")?.Str == "AWS::S3::Bucket"
                && (bucket.Get("Properties") as MapNode)?.Get("NotificationConfiguration") is MapNode notifications
                && notifications.Get("LambdaConfigurations") is SeqNode configs)
            {
                foreach (var function in configs.OfType<MapNode>().Select(c => Intrinsics.LogicalIdOf(c.Get("Function"))).OfType<string>().Distinct(StringComparer.Ordinal))
                {
                    if (!buckets.TryGetValue(function, out var list))
                    {
                        buckets[function] = list = [];
                    }

                    list.Add(e.Key);
                }
            }
        }

        return buckets;
    }

    /// <summary>The logical id in a rendered "${Id}" or "${Id.Attribute}", when that is the whole text.</summary>
    private static string? SymbolId(string text)
    {
        if (!text.StartsWith("${", StringComparison.Ordinal) || !text.EndsWith('}') || text.IndexOf('}', StringComparison.Ordinal) != text.Length - 1)
        {
            return null;
        }

        var inner = text[2..^1];
        int dot = inner.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? inner : inner[..dot];
    }
}
