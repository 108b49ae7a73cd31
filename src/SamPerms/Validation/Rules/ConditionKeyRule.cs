using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>
/// Condition keys: a key that is neither global nor documented for its service (a typo), and a service key on a
/// statement whose actions are all of other services (never in their request context).
/// </summary>
public sealed class ConditionKeyRule : IValidationRule
{
    /// <summary>
    /// Prefixes of the keys the IAM User Guide documents as available to other services ("cross-service condition
    /// keys": ec2:SourceInstanceArn, glue:RoleAssumedBy, codebuild:BuildArn, lambda:SourceFunctionArn,
    /// ssm:SourceInstanceArn, identitystore:UserId).
    /// </summary>
    private static readonly HashSet<string> CrossService = new(StringComparer.OrdinalIgnoreCase) { "ec2", "glue", "codebuild", "lambda", "ssm", "identitystore" };

    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } =
        [DiagnosticCatalog.UnknownConditionKeyDescriptor, DiagnosticCatalog.ConditionKeyOfOtherServiceDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var entry in ConditionEntries.All(context))
        {
            if (entry.Key is not { } key)
            {
                continue;
            }

            var prefix = IamConditionKeys.PrefixOf(key);
            var isService = IamActionCatalog.Service(prefix) is not null;
            // Only keys of AWS services and global keys: those of identity providers (token.actions.githubusercontent.com,
            // saml, an EKS cluster's OIDC issuer) are whatever claims the provider sends.
            if (!isService && !prefix.Equals("aws", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (IamConditionKeys.Find(key).Count == 0)
            {
                var hint = Suggest.DidYouMean(key, IamConditionKeys.WithPrefix(prefix).Select(k => k.Name), 2);
                var where = prefix.Equals("aws", StringComparison.OrdinalIgnoreCase) ? "is not a global condition key" : $"does not exist for {IamActionCatalog.Service(prefix)?.Name ?? prefix}";
                findings.Add(ConditionEntries.Make(context, DiagnosticCatalog.UnknownConditionKeyDescriptor, entry, $"condition key '{key}' {where}{hint}"));
                continue;
            }

            if (isService && !prefix.Equals("aws", StringComparison.OrdinalIgnoreCase) && !CrossService.Contains(prefix)
                && ActionServices(entry.Statement) is { Count: > 0 } services && !services.Contains(prefix)
                && !services.Any(s => IamConditionKeys.OfService(s).Any(k => IamConditionKeys.Matches(k.Name, key))))
            {
                findings.Add(ConditionEntries.Make(context, DiagnosticCatalog.ConditionKeyOfOtherServiceDescriptor, entry,
                    $"condition key '{key}' is a key of {IamActionCatalog.Service(prefix)!.Name}, and no action of this statement is ({string.Join(", ", services.Order(StringComparer.Ordinal))}): it is never in their request context"));
            }
        }
    }

    /// <summary>The service prefixes of the statement's actions, or null when they are not all known (NotAction, '*', intrinsics).</summary>
    private static HashSet<string>? ActionServices(PolicyStatementAt at)
    {
        if (at.Statement.NotAction)
        {
            return null;
        }

        var services = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in at.Statement.ActionValues)
        {
            int colon = value.Text.IndexOf(':', StringComparison.Ordinal);
            if (value.Node is not Model.StringNode || colon <= 0 || SamPerms.Iam.Wildcard.HasWildcard(value.Text[..colon]))
            {
                return null;
            }

            services.Add(value.Text[..colon]);
        }

        return services;
    }
}
