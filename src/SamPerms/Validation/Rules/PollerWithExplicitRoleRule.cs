using SamPerms.Diagnostics;
using SamPerms.Model;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A poller event (SQS, Kinesis, DynamoDB, MSK, MQ, SelfManagedKafka, DocumentDB) of a SAM function that has
/// its own Role: Lambda polls with that role, and SAM adds the poller's permissions only to roles it generates.
/// </summary>
public sealed class PollerWithExplicitRoleRule : IValidationRule
{
    private static readonly HashSet<string> PollerTypes = new(StringComparer.Ordinal)
    {
        "SQS", "Kinesis", "DynamoDB", "MSK", "MQ", "SelfManagedKafka", "DocumentDB",
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
                || SamEvent.Of(context, e.Key) is not { } ev || !PollerTypes.Contains(ev.Type)
                || FunctionOf(context, (r.Get("Properties") as MapNode)?.Get("FunctionName")) is not { } function
                || (context.OutputResources.Get(function) as MapNode)?.Get("Properties") is not MapNode fp
                || fp.Get("Role") is not { } role || IsGeneratedRole(context, role, ev.ResourceId))
            {
                continue;
            }

            var at = context.Locate(e.Key);
            var roleText = context.OutputValues.Render(role).Text;
            findings.Add(DiagnosticCatalog.PollerWithExplicitRoleDescriptor.At(at.Span, $"{ev} is polled with the function's own Role ({roleText}); SAM adds no {ev.Type} read permissions to it, so that role must grant them", at.Path));
        }
    }

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
