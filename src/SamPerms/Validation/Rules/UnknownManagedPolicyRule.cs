using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A Policies entry that is a plain name (not an ARN) SAM cannot turn into a managed policy ARN in the
/// template's partition (SAM passes it through unchanged and IAM rejects it at deploy), and an AWS managed policy
/// ARN that names no AWS managed policy (as IAM Access Analyzer's policy validation reports).
/// </summary>
public sealed class UnknownManagedPolicyRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.UnknownManagedPolicyDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        var partition = context.Options.EffectivePartition;
        foreach (var entry in SamPolicyEntries.All(context))
        {
            if (entry.Entry is not StringNode s || s.Value.StartsWith("arn:", StringComparison.Ordinal) || s.Value.StartsWith("{{resolve:", StringComparison.Ordinal) || ManagedPolicyNames.Arn(s.Value, partition) is not null)
            {
                continue;
            }

            var at = context.Where(s);
            var why = ManagedPolicyNames.IsKnown(s.Value)
                ? $"is an AWS managed policy, but not in partition {partition}"
                : $"is no AWS managed policy SAM knows{Suggest.DidYouMean(s.Value, ManagedPolicyNames.Names)}";
            findings.Add(DiagnosticCatalog.UnknownManagedPolicyDescriptor.At(at.Span, $"'{s.Value}' in the Policies of {entry.ResourceId} {why}; SAM passes it on unchanged and IAM rejects a name that is not an ARN (write the full policy ARN for a customer managed policy)", at.Path));
        }

        AwsManagedArns(context, findings);
    }

    /// <summary>
    /// An AWS managed policy ARN (arn:PARTITION:iam::aws:policy/...) in a role's, user's or group's ManagedPolicyArns
    /// (SAM puts a function's ARN Policies there) that is not the ARN of a policy the table knows: the deploy fails.
    /// A close name is almost surely a typo (error); with none, the policy may be newer than the table (warning).
    /// </summary>
    private static void AwsManagedArns(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var e in context.OutputResources.Entries)
        {
            if (e.Value is not MapNode r || r.Get("Type")?.Str is not ("AWS::IAM::Role" or "AWS::IAM::User" or "AWS::IAM::Group")
                || (r.Get("Properties") as MapNode)?.Get("ManagedPolicyArns") is not { } arns)
            {
                continue;
            }

            foreach (var item in SamPerms.Iam.PolicyDocuments.Items(arns).OfType<StringNode>())
            {
                var parts = item.Value.Split(':', 6);
                if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "iam" || parts[4] != "aws" || !parts[5].StartsWith("policy/", StringComparison.Ordinal)
                    || context.Where(item) is not { Path: not null } at)
                {
                    continue;
                }

                var name = parts[5][(parts[5].LastIndexOf('/') + 1)..];
                var expected = ManagedPolicyNames.Arn(name, parts[1]);
                if (expected == item.Value)
                {
                    continue;
                }

                if (expected is not null)
                {
                    findings.Add(DiagnosticCatalog.UnknownManagedPolicyDescriptor.At(at.Span, $"'{item.Value}' is not the ARN of AWS managed policy {name}: it is {expected}", at.Path));
                    continue;
                }

                var hint = Suggest.DidYouMean(name, ManagedPolicyNames.Names);
                findings.Add(hint.Length > 0
                    ? DiagnosticCatalog.UnknownManagedPolicyDescriptor.At(at.Span, $"'{item.Value}' names no AWS managed policy{hint}; IAM rejects it at deploy", at.Path)
                    : DiagnosticCatalog.UnknownManagedPolicyDescriptor.At(at.Span, Severity.Warning, $"'{item.Value}' is no AWS managed policy SamPerms knows in partition {parts[1]}; IAM rejects it at deploy unless it is newer than SamPerms' table", at.Path));
            }
        }
    }
}
