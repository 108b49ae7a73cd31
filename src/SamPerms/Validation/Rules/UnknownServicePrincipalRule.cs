using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A Principal's Service (in a trust or resource policy, or a Lambda permission's Principal) of the form
/// NAME.amazonaws.com whose NAME is not a known service principal but is one or two edits away from one
/// (lamda.amazonaws.com): IAM rejects the policy. Known: the IAM action catalog's service prefixes, and the
/// principals services use that differ from their prefix. Names far from every known one are left alone (a
/// service newer than the catalog).
/// </summary>
public sealed class UnknownServicePrincipalRule : IValidationRule
{
    /// <summary>Service principals that are not a service prefix of the action catalog.</summary>
    private static readonly string[] OtherPrincipals =
    [
        "edgelambda", "ecs-tasks", "vpc-flow-logs", "spotfleet", "monitoring", "delivery.logs", "ops.apigateway",
        "replication.dynamodb", "transfer", "dlm", "member.org.stacksets.cloudformation", "resources.cloudformation",
    ];

    private static readonly Lazy<HashSet<string>> Known = new(() =>
        new HashSet<string>(IamActionCatalog.Services.Keys.Concat(OtherPrincipals), StringComparer.Ordinal));

    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.UnknownServicePrincipalDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var st in context.OutputStatements)
        {
            if ((st.Statement.Principal as MapNode)?.Get("Service") is { } services)
            {
                foreach (var s in PolicyDocuments.Items(services).OfType<StringNode>())
                {
                    Report(context, s, findings);
                }
            }
        }

        foreach (var e in context.OutputResources.Entries)
        {
            if (e.Value is MapNode r && r.Get("Type")?.Str == "AWS::Lambda::Permission" && (r.Get("Properties") as MapNode)?.Get("Principal") is StringNode p)
            {
                Report(context, p, findings);
            }
        }
    }

    private static void Report(ValidationContext context, StringNode principal, List<Diagnostic> findings)
    {
        var value = principal.Value;
        var suffix = value.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? ".amazonaws.com"
            : value.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal) ? ".amazonaws.com.cn" : null;
        if (suffix is null || context.Where(principal) is not { Path: not null } at)
        {
            return;
        }

        var name = value[..^suffix.Length];
        if (name.Length == 0 || Known.Value.Contains(name))
        {
            return;
        }

        var close = Known.Value.Where(k => Math.Abs(k.Length - name.Length) <= 2 && Suggest.Distance(k, name) <= (name.Length <= 4 ? 1 : 2))
            .OrderBy(k => Suggest.Distance(k, name)).ThenBy(k => k, StringComparer.Ordinal).Take(3).ToList();
        if (close.Count == 0)
        {
            return;
        }

        var hint = string.Join(" or ", close.Select(c => $"'{c}{suffix}'"));
        findings.Add(DiagnosticCatalog.UnknownServicePrincipalDescriptor.At(at.Span, $"service principal '{value}' does not exist (did you mean {hint}?); IAM rejects the policy at deploy", at.Path));
    }
}
