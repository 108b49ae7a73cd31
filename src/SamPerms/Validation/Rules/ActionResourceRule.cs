using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Iam;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>
/// An action that applies to none of its statement's resources, by the resource types and ARN formats of the IAM
/// action catalog (<c>s3:GetObject</c> on a bucket ARN, <c>dynamodb:GetItem</c> on an S3 ARN,
/// <c>s3:ListAllMyBuckets</c> on a specific ARN). Reported only when every resource is known well enough to be
/// sure, and only for actions the author wrote (not SAM's policy templates); in an S3 bucket policy, where S3
/// rejects the policy, it is an error.
/// </summary>
public sealed class ActionResourceRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } =
        [DiagnosticCatalog.ActionNotOnResourceDescriptor, DiagnosticCatalog.BucketPolicyActionNotOnResourceDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var at in context.OutputStatements)
        {
            var st = at.Statement;
            if (st.NotAction || st.NotResource || st.Resources.Count == 0 || st.Rejected is not null)
            {
                continue;
            }

            // The resources are rendered only for a statement with an action to judge (most are SAM's own).
            List<(string Pattern, string? Written)>? patterns = null;
            foreach (var (action, node) in OutputStatements.ActionStrings(st))
            {
                // Only what the author spelled: SAM's own statements (policy templates, event sources) are its data.
                if (!context.Index.IsFromTemplate(node) || Wildcard.HasWildcard(action) || IamActionCatalog.Find(action) is not { } known)
                {
                    continue;
                }

                if ((patterns ??= Patterns(context, st) ?? []).Count == 0)
                {
                    break; // a resource that is "*", no ARN or not known: nothing to judge
                }

                if (patterns.Any(p => ResourceApplicability.AppliesSurely(action, p.Pattern, context.OutputValues.IsNameSymbol)))
                {
                    continue;
                }

                var bucketPolicy = at.Policy.ResourceType == "AWS::S3::BucketPolicy" && known.Service.Equals("s3", StringComparison.OrdinalIgnoreCase);
                var code = bucketPolicy ? DiagnosticCatalog.BucketPolicyActionNotOnResourceDescriptor : DiagnosticCatalog.ActionNotOnResourceDescriptor;
                findings.Add(StatementFindings.Make(context, code, at, node, Message(context, action, known, patterns)));
            }
        }
    }

    /// <summary>The statement's resources as patterns (with their text as written), or null when one is "*", not an ARN or not known.</summary>
    private static List<(string Pattern, string? Written)>? Patterns(ValidationContext context, Statement st)
    {
        var result = new List<(string, string?)>();
        foreach (var r in st.Resources)
        {
            if (ResourcePatterns.Of(context, r.Node) is not { } p || !p.StartsWith("arn:", StringComparison.Ordinal))
            {
                return null;
            }

            result.Add((p, Written(r.Node)));
        }

        return result;
    }

    /// <summary>The resource as the author can write it back: a literal, or "${X.Arn}" for a GetAtt of an ARN (for hints).</summary>
    private static string? Written(Model.Node? node) => node switch
    {
        Model.StringNode s => s.Value,
        Model.MapNode m when Model.Intrinsics.Is(m, "Fn::GetAtt") && Model.Intrinsics.LogicalIdOf(m) is { } id && Model.Intrinsics.Arg(m) is var arg
            && (arg is Model.SeqNode { Count: 2 } seq ? seq[1].Str : (arg as Model.StringNode)?.Value.Split('.', 2)[^1]) == "Arn" => "${" + id + ".Arn}",
        _ => null,
    };

    private static string Message(ValidationContext context, string action, IamAction known, List<(string Pattern, string? Written)> patterns)
    {
        if (known.ResourceTypes.Count == 0)
        {
            return $"action '{action}' takes no resource ARN: IAM matches it only with Resource \"*\", so this statement grants nothing for it";
        }

        var service = IamActionCatalog.Service(known.Service);
        var formats = known.ResourceTypes.Select(t => service?.ResourceArns.GetValueOrDefault(t) is { } f ? $"{t} ({f})" : t);
        var kinds = string.Join(", ", formats);
        return $"action '{action}' acts on {kinds}, and no Resource of this statement is one{Hint(context, action, patterns)}";
    }

    /// <summary>" (did you mean 'arn:aws:s3:::b/*'?)": the written resource with "/*" added or removed, when that applies.</summary>
    private static string Hint(ValidationContext context, string action, List<(string Pattern, string? Written)> patterns)
    {
        foreach (var (_, written) in patterns)
        {
            if (written is null)
            {
                continue;
            }

            var candidate = written.EndsWith("/*", StringComparison.Ordinal) ? written[..^2] : written + "/*";
            if (ResourceApplicability.AppliesSurely(action, context.OutputValues.Canonical(candidate), context.OutputValues.IsNameSymbol))
            {
                return written.StartsWith("${", StringComparison.Ordinal) ? $" (did you mean !Sub '{candidate}'?)" : $" (did you mean '{candidate}'?)";
            }
        }

        return "";
    }
}
