using SamPerms.Diagnostics;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>An Allow statement with NotAction or NotResource: it allows everything but what it lists.</summary>
public sealed class NotActionOrNotResourceAllowRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.NotActionOrNotResourceAllowDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var st in context.OutputStatements)
        {
            if (!st.Statement.IsAllow)
            {
                continue;
            }

            foreach (var key in new[] { "NotAction", "NotResource" })
            {
                if (st.Statement.Node?.Get(key) is { } value)
                {
                    var what = key == "NotAction" ? "every action except" : "every resource except";
                    findings.Add(StatementFindings.Make(context, DiagnosticCatalog.NotActionOrNotResourceAllowDescriptor, st, value, $"Allow with {key} allows {what} the ones listed"));
                }
            }
        }
    }
}
