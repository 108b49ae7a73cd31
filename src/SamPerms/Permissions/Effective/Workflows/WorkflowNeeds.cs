using System.Text.RegularExpressions;
using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Permissions.Effective.Workflows;

/// <summary>
/// What a workflow needs: every Task state of a state machine's definition calls its integration with the state
/// machine's role, which needs the actions the integration requires on the resources the Task names (see
/// <see cref="Integrations"/>, <see cref="AwsSdkActions"/>). A need the role does not grant (or its permissions
/// boundary blocks) fails every execution that reaches the state. A target chosen at run time is "any resource":
/// only a role that allows the action on nothing at all is certainly missing it; otherwise nothing is said. Only
/// for roles whose statements are all known here; a Task with Credentials runs with another role and is skipped.
/// </summary>
internal static partial class WorkflowNeeds
{
    private sealed record Need(IReadOnlyList<string> Actions, string? Arn, string Shown);

    public static IEnumerable<SubjectNote> For(AnalysisContext ctx, Subject subject)
    {
        if (subject.Kind != SubjectKind.StateMachine || subject.Role.Kind is not (RoleKind.Generated or RoleKind.Template)
            || subject.MayDo.Any(g => g.Opaque) || WorkflowDefinition.Of(ctx, subject) is not { } definition)
        {
            return [];
        }

        var statements = GrantStatements.Of(subject.MayDo);
        var values = new TaskValues(ctx, definition.Substitutions);
        var notes = new List<SubjectNote>();
        var decided = new Dictionary<(string, string?), (Decision Decision, bool OutsideBoundary)>();
        foreach (var (name, state) in TaskStates.In(definition.Root))
        {
            if (state.ContainsKey("Credentials") || state.Get("Resource") is not { } resourceNode)
            {
                continue;
            }

            var resource = values.Text(resourceNode);
            var (needs, suggestion) = NeedsOf(ctx, subject, values, state, resourceNode, resource);
            var missing = new List<string>();
            var blocked = new List<string>();
            var actions = new List<string>();
            foreach (var need in needs)
            {
                var lacking = new List<string>();
                var outside = new List<string>();
                foreach (var action in need.Actions)
                {
                    // Many states call the same resource: each (action, resource) is evaluated once.
                    if (!decided.TryGetValue((action, need.Arn), out var verdict))
                    {
                        var ev = need.Arn is null || need.Arn.Contains('*', StringComparison.Ordinal)
                            ? PolicyEvaluator.EvaluateSome(statements, action, need.Arn ?? "*")
                            : PolicyEvaluator.Evaluate(statements, action, need.Arn);
                        verdict = (ev.Decision, ev.Decision == Decision.Allowed && BoundaryCheck.Allows(subject, action, need.Arn ?? "*", ctx.Values) == Certainty.No);
                        decided[(action, need.Arn)] = verdict;
                    }

                    if (verdict.Decision is Decision.NotAllowed or Decision.Denied)
                    {
                        lacking.Add(action + (verdict.Decision == Decision.Denied ? " (a Deny applies)" : ""));
                    }
                    else if (verdict.OutsideBoundary)
                    {
                        outside.Add(action);
                    }
                }

                actions.AddRange(lacking.Concat(outside).Select(a => a.Split(' ')[0]));
                if (lacking.Count > 0)
                {
                    missing.Add($"{string.Join(", ", lacking)} on {need.Shown}");
                }

                if (outside.Count > 0)
                {
                    blocked.Add($"{string.Join(", ", outside)} on {need.Shown}");
                }
            }

            if (missing.Count == 0 && blocked.Count == 0)
            {
                continue;
            }

            var why = new List<string>();
            if (missing.Count > 0)
            {
                why.Add($"{subject.SamLogicalId}'s role does not allow {string.Join("; ", missing)}");
            }

            if (blocked.Count > 0 && subject.Boundary is { } boundary)
            {
                why.Add($"{string.Join("; ", blocked)} is outside the {BoundaryCheck.Describe(boundary)}");
            }

            var where = definition.File is { } file && resourceNode.Span.IsKnown ? $" ({file} line {resourceNode.Span.Line})" : "";
            var source = definition.At ?? ctx.Locate(subject.SamLogicalId, resourceNode, "state " + name);
            notes.Add(new SubjectNote(NoteKind.Needs, Diagnostics.DiagnosticCatalog.WorkflowTaskNotGranted,
                $"state {name}{where} calls {resource}: {string.Join("; and ", why)}; every execution that reaches it fails there"
                + (missing.Count > 0 && suggestion is not null ? $" (e.g. {suggestion})" : ""), source) { Actions = actions.Distinct().ToList() });
        }

        return notes;
    }

    /// <summary>The actions the Task's Resource calls and on what, and the policy template that usually grants them.</summary>
    private static (List<Need> Needs, string? Suggestion) NeedsOf(AnalysisContext ctx, Subject subject, TaskValues values, MapNode state, Node resourceNode, string resource)
    {
        if (StatesResource().Match(resource) is not { Success: true } m)
        {
            // A function ARN as Resource: the Lambda integration of old (lambda:InvokeFunction on it).
            return LambdaArn().IsMatch(resource)
                ? ([new Need(["lambda:InvokeFunction"], resource, ctx.ReferencedResource(resourceNode) ?? resource)], "LambdaInvokePolicy")
                : ([], null);
        }

        var api = m.Groups[1].Value;
        bool sync = api.EndsWith(".sync", StringComparison.Ordinal) || api.EndsWith(".sync:2", StringComparison.Ordinal);
        api = Pattern().Replace(api, "");
        if (api.StartsWith("aws-sdk:", StringComparison.Ordinal))
        {
            var parts = api["aws-sdk:".Length..].Split(':');
            return parts.Length == 2 && AwsSdkActions.ActionOf(parts[0], parts[1]) is { } action
                ? ([new Need([action], null, "any resource")], null)
                : ([], null);
        }

        if (Integrations.Find(api) is not { } integration)
        {
            return ([], null);
        }

        var targets = Targets(values, state, integration);
        var needs = new List<Need>();
        foreach (var spec in sync ? [.. integration.Calls, .. integration.Sync] : integration.Calls)
        {
            switch (spec.On)
            {
                case NeedOn.Target:
                    needs.AddRange(targets.Select(t => new Need(spec.Actions, t.Arn, t.Shown)));
                    break;
                case NeedOn.TargetExecutions:
                    needs.AddRange(targets.Select(t => t.Arn is { } arn && arn.IndexOf(":stateMachine:", StringComparison.Ordinal) is var at and > 0
                        ? new Need(spec.Actions, arn[..at] + ":execution:" + arn[(at + ":stateMachine:".Length)..].Split(':')[0] + ":*", "the executions of " + t.Shown)
                        : new Need(spec.Actions, null, "its executions")));
                    break;
                case NeedOn.Any:
                    needs.Add(new Need(spec.Actions, null, "any resource"));
                    break;
                case NeedOn.ManagedRule:
                    needs.Add(new Need(spec.Actions, TaskValues.Regional(ctx, "events") + "rule/" + spec.Rule, "the rule " + spec.Rule));
                    break;
                case NeedOn.Self:
                    needs.Add(new Need(spec.Actions, ctx.Values.CanonicalArn(subject.LogicalId), "the state machine itself"));
                    break;
                case NeedOn.ConnectionSecret:
                    needs.Add(new Need(spec.Actions, $"arn:{ctx.Values.Partition}:secretsmanager:*:*:secret:events!connection/*", "the connection's secret"));
                    break;
            }
        }

        return (needs, integration.Suggestion);
    }

    /// <summary>The resources the Task names in its target parameter (an event bus per PutEvents entry, the default bus when none).</summary>
    private static List<TaskTarget> Targets(TaskValues values, MapNode state, Integration integration)
    {
        if (integration.TargetParameter is not { } parameter || integration.Kind is not { } kind)
        {
            return [];
        }

        if (kind == TargetKind.EventBus)
        {
            var (entries, dynamicEntries) = TaskValues.Parameter(state, "Entries");
            if (dynamicEntries || entries is not SeqNode list)
            {
                return [TaskTarget.Dynamic];
            }

            return list.Items.Select(e => e is not MapNode entry ? TaskTarget.Dynamic
                : entry.ContainsKey(parameter + ".$") ? TaskTarget.Dynamic
                : values.Target(entry.Get(parameter), kind) ?? values.Target(new StringNode("default"), kind)!.Value).ToList();
        }

        var (value, dynamic) = TaskValues.Parameter(state, parameter);
        if (dynamic)
        {
            return [TaskTarget.Dynamic];
        }

        // sns:publish to a TargetArn or a PhoneNumber: "Resource": "*" (IAM policies for Amazon SNS).
        return values.Target(value, kind) is { } target ? [target] : [TaskTarget.Dynamic];
    }

    [GeneratedRegex(@"^arn:[a-z-]+:states:::(.+)$")]
    private static partial Regex StatesResource();

    [GeneratedRegex(@"^arn:[a-z-]+:lambda:[^:]*:(\$\{AWS::AccountId\}|[^:]*):function:.+$")]
    private static partial Regex LambdaArn();

    [GeneratedRegex(@"\.(sync(:2)?|waitForTaskToken)$")]
    private static partial Regex Pattern();
}
