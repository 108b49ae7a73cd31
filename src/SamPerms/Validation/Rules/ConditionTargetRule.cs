using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.References;

namespace SamPerms.Validation.Rules;

/// <summary>A condition name (resource or output Condition, Fn::If, Condition in Conditions) that Conditions does not define.</summary>
public sealed class ConditionTargetRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.ConditionMissingDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Output is not { } output)
        {
            return;
        }

        var names = context.OutputNames!;
        void Report(Node name, Location at, string where)
        {
            var text = name.Str!;
            var message = $"condition '{text}'{where} is not defined in Conditions{Suggest.DidYouMean(text, names.Conditions)}";
            findings.Add(DiagnosticCatalog.ConditionMissingDescriptor.At(at.Span, message, at.Path));
        }

        if (output.Get("Resources") is MapNode resources)
        {
            foreach (var e in resources.Entries)
            {
                if ((e.Value as MapNode)?.Get("Condition") is StringNode c && !names.Conditions.Contains(c.Value))
                {
                    var where = context.GeneratedFrom(e.Key) is { } sam ? $" of {e.Key} (generated from {sam})" : $" of {e.Key}";
                    Report(c, context.Locate(e.Key, c), where);
                }
            }
        }

        if (output.Get("Outputs") is MapNode outputs)
        {
            foreach (var e in outputs.Entries)
            {
                if ((e.Value as MapNode)?.Get("Condition") is StringNode c && !names.Conditions.Contains(c.Value))
                {
                    Report(c, context.Where(c), $" of output {e.Key}");
                }
            }
        }

        foreach (var found in context.OutputIntrinsics)
        {
            var name = found.Function switch
            {
                "Fn::If" when found.Argument is SeqNode { Count: >= 1 } args => args[0] as StringNode,
                "Condition" when found.Section == "Conditions" => found.Argument as StringNode,
                _ => null,
            };
            if (name is not null && !names.Conditions.Contains(name.Value))
            {
                Report(name, ReferenceChecks.Where(context, found, name), ReferenceChecks.InWhat(context, found));
            }
        }
    }
}
