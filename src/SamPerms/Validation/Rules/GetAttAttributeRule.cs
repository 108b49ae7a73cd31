using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.CloudFormation;
using SamPerms.Validation.References;

namespace SamPerms.Validation.Rules;

/// <summary>Fn::GetAtt of an attribute the target's resource type does not return (cfn-lint E1010), in the template as SAM outputs it.</summary>
public sealed class GetAttAttributeRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.UnknownGetAttAttributeDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Output is not { } output)
        {
            return;
        }

        var types = context.PlainResources.ToDictionary(r => r.LogicalId, r => r.Schema, StringComparer.Ordinal);
        foreach (var found in context.OutputIntrinsics)
        {
            if (found.Function != "Fn::GetAtt")
            {
                continue;
            }

            var (id, attribute, node) = found.Argument switch
            {
                SeqNode { Count: 2 } s when s[0] is StringNode first && s[1] is StringNode second => (first.Value, second.Value, (Node)second),
                StringNode text when text.Value.Contains('.', StringComparison.Ordinal) => (text.Value[..text.Value.IndexOf('.', StringComparison.Ordinal)], text.Value[(text.Value.IndexOf('.', StringComparison.Ordinal) + 1)..], text),
                _ => (null, null, null),
            };
            if (id is null || attribute is null || !types.TryGetValue(id, out var schema) || schema?.Attributes is not { } attributes
                || attributes.Contains(attribute) || (schema.Open && attributes.Count == 0) || Dynamic(schema.Name, attribute))
            {
                continue;
            }

            var at = ReferenceChecks.Where(context, found, node);
            var known = attributes.Count == 0 ? "; it returns none" : Suggest.DidYouMean(attribute, attributes);
            findings.Add(DiagnosticCatalog.UnknownGetAttAttributeDescriptor.At(at.Span,
                $"Fn::GetAtt {id}.{attribute}{ReferenceChecks.InWhat(context, found)}: {schema.Name} has no attribute '{attribute}'{known}", at.Path));
        }
    }

    /// <summary>Attributes a type returns by name at deploy: a nested stack's outputs, a custom resource's data.</summary>
    private static bool Dynamic(string type, string attribute) =>
        (type == "AWS::CloudFormation::Stack" && attribute.StartsWith("Outputs.", StringComparison.Ordinal))
        || type == "AWS::CloudFormation::CustomResource" || type.StartsWith("Custom::", StringComparison.Ordinal);
}
