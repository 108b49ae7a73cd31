using SamPerms.Iam;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>
/// An Allow for Principal "*" (or {AWS: "*"}) with no Condition in a resource or trust policy, or a Lambda
/// permission for "*" with no source restriction (function URL permissions are the function URL rule's).
/// </summary>
public sealed class PublicPrincipalRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.PublicPrincipalDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var st in context.OutputStatements)
        {
            if (st.Policy.Kind == PolicyDocumentKind.Identity || !st.Statement.IsAllow || st.Statement.HasConditionBlock || st.Statement.NotPrincipal || st.Statement.Principal is not { } principal || !IsEveryone(principal))
            {
                continue;
            }

            findings.Add(StatementFindings.Make(context, DiagnosticCatalog.PublicPrincipalDescriptor, st, principal, "Principal '*' with no Condition allows anyone"));
        }

        foreach (var e in context.OutputResources.Entries)
        {
            if (e.Value is not MapNode r || r.Get("Type")?.Str != "AWS::Lambda::Permission" || r.Get("Properties") is not MapNode p)
            {
                continue;
            }

            if (p.Get("Principal") is StringNode { Value: "*" } principal && !p.ContainsKey("FunctionUrlAuthType") && !p.ContainsKey("InvokedViaFunctionUrl")
                && !p.ContainsKey("SourceArn") && !p.ContainsKey("SourceAccount") && !p.ContainsKey("PrincipalOrgID"))
            {
                var at = context.Locate(e.Key, principal);
                var generated = context.GeneratedFrom(e.Key) is { } sam ? $" (generated from {sam})" : "";
                findings.Add(DiagnosticCatalog.PublicPrincipalDescriptor.At(at.Span, $"Lambda permission {e.Key}{generated} lets any principal invoke the function", at.Path));
            }
        }
    }

    /// <summary>"*", or {AWS: "*"} / {AWS: [..., "*"]}.</summary>
    public static bool IsEveryone(Node principal) => principal switch
    {
        StringNode s => s.Value == "*",
        MapNode m => PolicyDocuments.Items(m.Get("AWS")).Any(x => x.Str == "*"),
        _ => false,
    };
}
