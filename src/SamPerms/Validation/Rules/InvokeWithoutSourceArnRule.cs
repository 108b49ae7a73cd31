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
            var cause = SamEvent.Of(context, e.Key) is { } ev ? $"{ev} lets" : $"Lambda permission {e.Key} lets";
            var at = context.Locate(e.Key);
            findings.Add(DiagnosticCatalog.InvokeWithoutSourceArnDescriptor.At(at.Span, $"{cause} {principal.Value} invoke the function without a SourceArn, so the service may invoke it {scope}", at.Path));
        }
    }

    /// <summary>A service principal such as s3.amazonaws.com (not an account, an ARN or "*").</summary>
    public static bool IsServicePrincipal(string principal) =>
        principal.EndsWith(".amazonaws.com", StringComparison.Ordinal) || principal.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal);
}
