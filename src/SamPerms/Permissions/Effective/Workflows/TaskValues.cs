using System.Text.RegularExpressions;
using SamPerms.Model;

namespace SamPerms.Permissions.Effective.Workflows;

/// <summary>
/// The resource a Task names, as an ARN to evaluate: <see cref="Arn"/> null means it is chosen at run time (a
/// JSONPath <c>.$</c> key or a JSONata <c>{% %}</c> expression) or cannot be read, and the need is on "any
/// resource". <see cref="Shown"/> is how messages name it: the logical id of a resource of the template, else the text.
/// </summary>
internal readonly record struct TaskTarget(string? Arn, string Shown)
{
    public static readonly TaskTarget Dynamic = new(null, "any resource (the target is chosen at run time)");
}

/// <summary>
/// Reads the values of a definition the way Step Functions receives them: ${name} from DefinitionSubstitutions,
/// Ref/GetAtt/Sub of the template where SAM's Definition holds them, symbols of template resources in their
/// canonical ARN form; then names, URLs and ARNs of each kind of target as the ARN IAM evaluates.
/// </summary>
internal sealed partial class TaskValues(AnalysisContext ctx, MapNode? substitutions)
{
    private const int MaxDepth = 8;

    /// <summary>The Resource of a Task as text (placeholders and intrinsics resolved, template ARNs canonical).</summary>
    public string Text(Node? node) => ctx.Values.Canonical(Raw(node, 0) ?? "");

    /// <summary>The target a parameter names; null when the parameter is not there.</summary>
    public TaskTarget? Target(Node? value, TargetKind kind, int depth = 0)
    {
        switch (value)
        {
            case null or NullNode:
                return null;
            case StringNode s when IsJsonata(s.Value):
                return TaskTarget.Dynamic;
            case StringNode s when WholePlaceholder().Match(s.Value) is { Success: true } m && substitutions?.Get(m.Groups[1].Value) is { } sub && depth < MaxDepth:
                return Target(sub, kind, depth + 1);
            case MapNode m when Intrinsics.IsIntrinsic(m) && ctx.ReferencedResource(m) is { } id:
                var text = ctx.Values.Render(m).Text;
                // A resource of another type stands for what its Ref or GetAtt returns (a task definition's Ref is its
                // ARN); only an event bus's Ref is a name to make an ARN of.
                return new TaskTarget(
                    ctx.Values.CanonicalArn(id) is { } arn && Fits(kind, ctx.TypeOf(id)) ? arn
                    : kind == TargetKind.EventBus ? ArnOf(kind, ctx.Values.Canonical(text)) : ctx.Values.Canonical(text), id);
            default:
                var raw = Raw(value, depth);
                return raw is null ? TaskTarget.Dynamic : new TaskTarget(ArnOf(kind, ctx.Values.Canonical(raw)), raw);
        }
    }

    /// <summary>A parameter of the Task's Parameters (JSONPath) or Arguments (JSONata) by a dotted path; dynamic when any step is.</summary>
    public static (Node? Value, bool Dynamic) Parameter(MapNode state, string path)
    {
        Node? current = state.Get("Parameters") ?? state.Get("Arguments");
        foreach (var step in path.Split('.'))
        {
            if (current is StringNode s && IsJsonata(s.Value))
            {
                return (null, true);
            }

            if (current is not MapNode m)
            {
                return (null, false);
            }

            if (m.ContainsKey(step + ".$"))
            {
                return (null, true);
            }

            current = m.Get(step);
        }

        return (current, false);
    }

    public static bool IsJsonata(string text) => text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal);

    /// <summary>A value as text: placeholders replaced by their substitutions, intrinsics rendered; null when not a scalar.</summary>
    private string? Raw(Node? node, int depth) => node switch
    {
        StringNode s => Placeholder().Replace(s.Value, m => substitutions?.Get(m.Groups[1].Value) is { } sub && depth < MaxDepth ? Raw(sub, depth + 1) ?? m.Value : m.Value),
        MapNode m when Intrinsics.IsIntrinsic(m) => ctx.Values.Render(m).Text,
        IntNode or FloatNode or BoolNode => ctx.Values.Render(node).Text,
        _ => null,
    };

    /// <summary>Does a resource of this type stand for the kind of target (a Ref of a parameter or another resource does not)?</summary>
    private static bool Fits(TargetKind kind, string? type) => (kind, type) switch
    {
        (TargetKind.Function, "AWS::Lambda::Function" or "AWS::Lambda::Alias" or "AWS::Lambda::Version") => true,
        (TargetKind.Table, "AWS::DynamoDB::Table") => true,
        (TargetKind.Topic, "AWS::SNS::Topic") => true,
        (TargetKind.Queue, "AWS::SQS::Queue") => true,
        (TargetKind.StateMachine, "AWS::StepFunctions::StateMachine" or "AWS::StepFunctions::StateMachineAlias" or "AWS::StepFunctions::StateMachineVersion") => true,
        _ => false,
    };

    /// <summary>The ARN a name, URL or ARN of the kind stands for (the documentation's static resource).</summary>
    private string ArnOf(TargetKind kind, string text)
    {
        if (text.StartsWith("arn:", StringComparison.Ordinal) || text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith(".Arn}", StringComparison.Ordinal))
        {
            return text;
        }
        return kind switch
        {
            TargetKind.Function => Regional(ctx, "lambda") + "function:" + text,
            TargetKind.Table => Regional(ctx, "dynamodb") + "table/" + text,
            TargetKind.Queue when QueueUrl().Match(text) is { Success: true } u => $"arn:{ctx.Values.Partition}:sqs:{u.Groups[1].Value}:{u.Groups[2].Value}:{u.Groups[3].Value}",
            // A family without revision runs its latest ACTIVE revision: any of them.
            TargetKind.TaskDefinition => Regional(ctx, "ecs") + "task-definition/" + text + (text.Contains(':', StringComparison.Ordinal) ? "" : ":*"),
            TargetKind.EventBus => Regional(ctx, "events") + "event-bus/" + text,
            _ => text,
        };
    }

    /// <summary>"arn:aws:SERVICE:us-east-1:${AWS::AccountId}:", the start of a regional ARN of this account.</summary>
    public static string Regional(AnalysisContext ctx, string service) => $"arn:{ctx.Values.Partition}:{service}:{ctx.Values.Region}:${{AWS::AccountId}}:";

    [GeneratedRegex(@"^\$\{([^}.!]+)\}$")]
    private static partial Regex WholePlaceholder();

    [GeneratedRegex(@"\$\{([^}.!]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^https://sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?/([^/]+)/([^/]+)$")]
    private static partial Regex QueueUrl();
}
