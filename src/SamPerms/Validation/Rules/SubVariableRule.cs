using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.References;

namespace SamPerms.Validation.Rules;

/// <summary>A <c>${Name}</c> in Fn::Sub that is no parameter, resource, pseudo parameter or variable of the Sub.</summary>
public sealed class SubVariableRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.SubVariableMissingDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Output is not { } output)
        {
            return;
        }

        var names = context.OutputNames!;
        foreach (var found in context.OutputIntrinsics)
        {
            if (found.Function != "Fn::Sub")
            {
                continue;
            }

            var (text, variables) = found.Argument switch
            {
                StringNode s => (s, null),
                SeqNode { Count: 2 } l when l[0] is StringNode s => (s, l[1] as MapNode),
                _ => ((StringNode?)null, (MapNode?)null),
            };
            if (text is null)
            {
                continue;
            }

            foreach (var name in Variables(text.Value))
            {
                var head = name.Contains('.', StringComparison.Ordinal) ? name[..name.IndexOf('.', StringComparison.Ordinal)] : name;
                bool known = variables?.ContainsKey(name) == true
                    || (name.Contains('.', StringComparison.Ordinal) ? names.Resources.Contains(head) : names.IsReferable(name));
                if (known)
                {
                    continue;
                }

                var at = ReferenceChecks.Where(context, found, text);
                var candidates = names.Referable.Concat(variables?.Keys ?? []);
                var message = $"Fn::Sub uses ${{{name}}}{ReferenceChecks.InWhat(context, found)}, which is no parameter, resource, pseudo parameter or Sub variable{Suggest.DidYouMean(head, candidates)}";
                findings.Add(DiagnosticCatalog.SubVariableMissingDescriptor.At(at.Span, message, at.Path));
            }
        }
    }

    /// <summary>The names inside <c>${...}</c>, skipping the literal form <c>${!...}</c>.</summary>
    public static IEnumerable<string> Variables(string text) =>
        SubPlaceholders.Of(text).Select(inner => inner.Trim()).Where(inner => inner.Length > 0 && inner[0] != '!');
}
