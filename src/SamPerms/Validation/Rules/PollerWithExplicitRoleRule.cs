using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Permissions;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A poller event (the transform marks it on the origin: SQS, Kinesis, DynamoDB, MSK, MQ, SelfManagedKafka, DocumentDB) of a SAM function that has
/// its own Role: Lambda polls with that role, and SAM adds the poller's permissions only to roles it generates.
/// </summary>
public sealed class PollerWithExplicitRoleRule : IValidationRule
{
    /// <summary>
    /// What Lambda's poller calls with the function's role, per event type (Lambda's documentation of each event
    /// source's execution role permissions; network interface actions of VPC sources are left out, as they depend
    /// on the source's network configuration). The first list is checked on the event source's ARN; "a|b" is
    /// satisfied by either (Lambda uses kafka:DescribeClusterV2 and falls back to kafka:DescribeCluster).
    /// </summary>
    private static readonly Dictionary<string, (string[] OnSource, string[] Anywhere)> Needs = new(StringComparer.Ordinal)
    {
        ["SQS"] = (["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], []),
        ["Kinesis"] = (["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream"], []),
        ["DynamoDB"] = (["dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream"], ["dynamodb:ListStreams"]),
        ["MSK"] = (["kafka:DescribeCluster|kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers"], []),
        ["MQ"] = (["mq:DescribeBroker"], []),
        ["DocumentDB"] = (["rds:DescribeDBClusters"], []),
    };

    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.PollerWithExplicitRoleDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Output is null)
        {
            return;
        }

        foreach (var e in context.OutputResources.Entries)
        {
            if (e.Value is not MapNode r || r.Get("Type")?.Str != "AWS::Lambda::EventSourceMapping"
                || SamEvent.Of(context, e.Key) is not { } ev || !Needs.TryGetValue(ev.Type, out var needs)
                || r.Get("Properties") is not MapNode mp
                || FunctionOf(context, mp.Get("FunctionName")) is not { } function
                || (context.OutputResources.Get(function) as MapNode)?.Get("Properties") is not MapNode fp
                || fp.Get("Role") is not { } role || IsGeneratedRole(context, role, ev.ResourceId)
                || context.PermissionMap is not { } map || map.Find(function) is not { } subject)
            {
                continue;
            }

            var source = mp.Get("EventSourceArn") is { } arn ? context.OutputValues.Render(arn).Text : "*";
            var missing = needs.OnSource.Where(a => Lacks(map, subject, a, source))
                .Concat(needs.Anywhere.Where(a => Lacks(map, subject, a, "*"))).Select(a => a.Replace("|", " or ", StringComparison.Ordinal)).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var at = context.Locate(e.Key);
            var roleText = context.OutputValues.Render(role).Text;
            findings.Add(DiagnosticCatalog.PollerWithExplicitRoleDescriptor.At(at.Span,
                $"{ev} is polled with the function's own Role ({roleText}), which does not allow {string.Join(", ", missing)} on {source}; SAM adds no {ev.Type} permissions to a role it does not generate, so the event source mapping fails", at.Path));
        }
    }

    /// <summary>The role certainly does not allow it (a role outside the template, or a value known only at deploy, is given the benefit of the doubt).</summary>
    private static bool Lacks(PermissionMap map, Permissions.Subject subject, string actions, string resource) =>
        actions.Split('|').All(action => AccessQuery.Ask(map, subject, action, resource).Verdict == AccessVerdict.NotAllowed);

    /// <summary>The output function a FunctionName designates (directly, or through an alias).</summary>
    private static string? FunctionOf(ValidationContext context, Node? functionName)
    {
        var id = Intrinsics.LogicalIdOf(functionName);
        if (id is null || context.OutputResources.Get(id) is not MapNode target)
        {
            return null;
        }

        return target.Get("Type")?.Str switch
        {
            "AWS::Lambda::Function" => id,
            "AWS::Lambda::Alias" or "AWS::Lambda::Version" => FunctionOf(context, (target.Get("Properties") as MapNode)?.Get("FunctionName")),
            _ => null,
        };
    }

    private static bool IsGeneratedRole(ValidationContext context, Node role, string samFunction) =>
        Intrinsics.LogicalIdOf(role) is { } roleId && context.Origin(roleId) is { } origin
        && origin.LogicalId == samFunction && roleId != samFunction;
}
