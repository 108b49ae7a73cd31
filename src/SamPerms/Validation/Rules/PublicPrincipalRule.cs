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
            if (st.Policy.Kind == PolicyDocumentKind.Identity || !st.Statement.IsAllow || st.Statement.NotPrincipal || st.Statement.Principal is not { } principal || !IsEveryone(principal)
                || RestrictsWho(st.Statement) || DeniedToOthers(context, st))
            {
                continue;
            }

            var message = st.Statement.HasConditionBlock
                ? $"Principal '*' allows anyone: the statement's Condition ({string.Join(", ", ConditionKeys(st.Statement))}) does not restrict who may call"
                : "Principal '*' with no Condition allows anyone";
            findings.Add(StatementFindings.Make(context, DiagnosticCatalog.PublicPrincipalDescriptor, st, principal, message));
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

    /// <summary>
    /// Condition keys that narrow who may use a grant to a network, an account, an organization or a source
    /// resource (as IAM Access Analyzer treats them): with one of these, Principal "*" is not public.
    /// </summary>
    private static readonly HashSet<string> WhoKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:SourceIp", "aws:VpcSourceIp", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceArn", "aws:SourceAccount",
        "aws:SourceOwner", "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
        "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalServiceName", "aws:PrincipalServiceNamesList",
        "aws:userid", "aws:username", "aws:ResourceAccount", "aws:ResourceOrgID", "kms:CallerAccount", "kms:ViaService",
        "lambda:FunctionUrlAuthType", "sns:Endpoint", "s3:DataAccessPointAccount", "s3:DataAccessPointArn",
    };

    /// <summary>The statement's own Condition names a key that narrows who may use it.</summary>
    private static bool RestrictsWho(Statement st) => ConditionKeys(st).Any(WhoKeys.Contains);

    /// <summary>
    /// A Deny of the same document for everyone, on every action and resource of the Allow, whose Condition narrows
    /// by who: together they let in only those the Deny's condition spares (API Gateway's private-API policy).
    /// </summary>
    private static bool DeniedToOthers(ValidationContext context, PolicyStatementAt allow)
    {
        var a = allow.Statement;
        if (a.NotAction || a.NotResource)
        {
            return false;
        }

        foreach (var other in context.OutputStatements)
        {
            var deny = other.Statement;
            if (!ReferenceEquals(other.Policy.Document, allow.Policy.Document) || deny.IsAllow || deny.Effect != "Deny"
                || deny.NotPrincipal || deny.Principal is not { } p || !IsEveryone(p) || !RestrictsWho(deny) || deny.NotAction || deny.NotResource)
            {
                continue;
            }

            if (Covers(deny.ActionValues, a.ActionValues, ignoreCase: true) && Covers(deny.Resources, a.Resources, ignoreCase: false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every value of <paramref name="covered"/> is matched by a pattern of <paramref name="patterns"/>.</summary>
    private static bool Covers(IReadOnlyList<PolicyValue> patterns, IReadOnlyList<PolicyValue> covered, bool ignoreCase) =>
        covered.Count > 0 && covered.All(item => patterns.Any(pattern => pattern.Text == "*" || Wildcard.Matches(pattern.Text, item.Text, ignoreCase)));

    private static IEnumerable<string> ConditionKeys(Statement st) =>
        st.Condition is MapNode condition
            ? condition.Entries.SelectMany(op => op.Value is MapNode keys ? keys.Entries.Select(k => k.Key) : []).Distinct(StringComparer.OrdinalIgnoreCase)
            : [];

    /// <summary>"*", or {AWS: "*"} / {AWS: [..., "*"]}.</summary>
    public static bool IsEveryone(Node principal) => principal switch
    {
        StringNode s => s.Value == "*",
        MapNode m => PolicyDocuments.Items(m.Get("AWS")).Any(x => x.Str == "*"),
        _ => false,
    };
}
