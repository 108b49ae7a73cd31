using SamPerms.Diagnostics;
using SamPerms.Model;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A Lambda permission for an AWS service principal without SourceArn (the confused deputy problem): the service
/// may invoke the function for any resource — of this account when SourceAccount is set, of any account when
/// not. SAM's S3 events are the usual cause: SAM leaves SourceArn out to avoid a circular dependency.
/// </summary>
public sealed class InvokeWithoutSourceArnRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.InvokeWithoutSourceArnDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Output is null)
        {
            return;
        }

        foreach (var e in context.OutputResources.Entries)
        {
            if (e.Value is not MapNode r || r.Get("Type")?.Str != "AWS::Lambda::Permission" || r.Get("Properties") is not MapNode p
                || p.Get("Principal") is not StringNode principal || !IsServicePrincipal(principal.Value)
                || p.ContainsKey("SourceArn") || p.ContainsKey("EventSourceToken") || p.ContainsKey("FunctionUrlAuthType") || p.ContainsKey("InvokedViaFunctionUrl"))
            {
                continue;
            }

            var scope = p.ContainsKey("SourceAccount") ? "for any resource of the account" : "for any resource in any AWS account";
            var ev = SamEvent.Of(context, e.Key);
            var at = context.Locate(e.Key);
            if (ev is { Type: "S3" } s3 && p.ContainsKey("SourceAccount"))
            {
                // SAM leaves SourceArn out on purpose (the bucket's notification depends on the permission, so the
                // permission cannot name the bucket without a circular dependency); there is nothing to add in SAM.
                findings.Add(DiagnosticCatalog.InvokeWithoutSourceArnDescriptor.At(at.Span, Severity.Info,
                    $"{s3}: SAM sets SourceAccount (buckets of this account only) and no SourceArn, so any bucket of the account may invoke the function; "
                    + "to allow only this bucket, write the AWS::Lambda::Permission yourself with SourceArn set to the bucket's ARN (arn:aws:s3:::bucket-name: a bucket's ARN is known from its name before it exists)", at.Path));
                continue;
            }

            var cause = ev is { } named ? $"{named} lets" : $"Lambda permission {e.Key} lets";
            findings.Add(DiagnosticCatalog.InvokeWithoutSourceArnDescriptor.At(at.Span, $"{cause} {principal.Value} invoke the function without a SourceArn, so the service may invoke it {scope}", at.Path));
        }
    }

    /// <summary>A service principal such as s3.amazonaws.com (not an account, an ARN or "*").</summary>
    public static bool IsServicePrincipal(string principal) =>
        principal.EndsWith(".amazonaws.com", StringComparison.Ordinal) || principal.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal);
}
