using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// Lambda sends failed asynchronous events to the dead-letter queue, and results to the destinations, with the
/// function's execution role: the role needs sqs:SendMessage (queue), sns:Publish (topic), lambda:InvokeFunction
/// (function) or events:PutEvents (event bus) on the target (Lambda developer guide, "dead-letter queues" and
/// "asynchronous invocation destinations"). SAM adds these only to roles it generates; a Role of the template must.
/// </summary>
internal static class DeliveryNeeds
{
    public static IEnumerable<SubjectNote> For(AnalysisContext ctx, Subject subject)
    {
        if (subject.Kind != SubjectKind.Function || subject.Role.Kind is not (RoleKind.Generated or RoleKind.Template)
            || subject.MayDo.Any(g => g.Opaque))
        {
            return [];
        }

        var targets = new List<(Node Target, string What)>();
        if ((ctx.Properties(subject.LogicalId)?.Get("DeadLetterConfig") as MapNode)?.Get("TargetArn") is { } dlq)
        {
            targets.Add((dlq, "dead-letter queue"));
        }

        foreach (var configId in ctx.Index.MentionedBy(subject.LogicalId))
        {
            if (ctx.TypeOf(configId) == "AWS::Lambda::EventInvokeConfig" && ctx.Properties(configId) is MapNode p
                && Names(ctx, p.Get("FunctionName"), subject.LogicalId) && p.Get("DestinationConfig") is MapNode dc)
            {
                foreach (var when in new[] { "OnSuccess", "OnFailure" })
                {
                    if ((dc.Get(when) as MapNode)?.Get("Destination") is { } d)
                    {
                        targets.Add((d, $"{when} destination"));
                    }
                }
            }
        }

        var statements = GrantStatements.Of(subject.MayDo);
        var notes = new List<SubjectNote>();
        foreach (var (target, what) in targets)
        {
            var arn = ctx.ReferencedResource(target) is { } id ? ctx.Values.CanonicalArn(id) : ctx.Values.Render(target) is { Exact: true } r ? r.Text : null;
            if (arn is null || Action(arn) is not { } action)
            {
                continue;
            }

            var ev = PolicyEvaluator.Evaluate(statements, action, arn);
            if (ev.Decision is Decision.NotAllowed or Decision.Denied)
            {
                var source = ctx.Locate(subject.SamLogicalId, target, what);
                var shown = ctx.ReferencedResource(target) ?? arn;
                notes.Add(new SubjectNote(NoteKind.Needs, Diagnostics.DiagnosticCatalog.DeliveryNotGranted,
                    $"Lambda sends to the {what} {shown} with {subject.SamLogicalId}'s role, which does not allow {action} on it" + (ev.Decision == Decision.Denied ? " (a Deny applies)" : ""), source));
            }
        }

        return notes;
    }

    /// <summary>The action Lambda calls to deliver to a target, by the service of its ARN.</summary>
    private static string? Action(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length < 3 ? null : parts[2] switch
        {
            "sqs" => "sqs:SendMessage",
            "sns" => "sns:Publish",
            "lambda" => "lambda:InvokeFunction",
            "events" => "events:PutEvents",
            _ => null,
        };
    }

    /// <summary>Does an EventInvokeConfig's FunctionName designate the function (directly)?</summary>
    private static bool Names(AnalysisContext ctx, Node? functionName, string functionId) =>
        ctx.ReferencedResource(functionName) == functionId;
}
