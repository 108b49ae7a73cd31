using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>A SAM policy template used without a value for each of its parameters.</summary>
public sealed class MissingTemplateParametersRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.MissingTemplateParametersDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var entry in SamPolicyEntries.All(context))
        {
            if (!SamPolicyEntries.IsTemplateReference(entry.Entry, out var name, out var parameters) || PolicyTemplateTable.Get(name) is not { } template)
            {
                continue;
            }

            var given = parameters as MapNode;
            var missing = template.Parameters.Where(p => given?.ContainsKey(p) != true).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var at = context.Where(parameters) is { Path: not null } w ? w : context.WhereKey((MapNode)entry.Entry, name);
            var what = given is null && parameters is not NullNode
                ? $"takes a mapping of parameters ({string.Join(", ", template.Parameters)}), not {StructureTypesRule.Describe(parameters)}"
                : $"is missing {(missing.Count == 1 ? "parameter" : "parameters")} {string.Join(", ", missing)}";
            findings.Add(DiagnosticCatalog.MissingTemplateParametersDescriptor.At(at.Span, $"policy template {name} in the Policies of {entry.ResourceId} {what}", at.Path));
        }
    }
}
