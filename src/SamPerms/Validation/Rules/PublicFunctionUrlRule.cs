using SamPerms.Diagnostics;
using SamPerms.Model;

namespace SamPerms.Validation.Rules;

/// <summary>A Lambda function URL anyone on the internet can call (AuthType NONE).</summary>
public sealed class PublicFunctionUrlRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.PublicFunctionUrlDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Output is null)
        {
            return;
        }

        foreach (var e in context.OutputResources.Entries)
        {
            if (e.Value is not MapNode r || r.Get("Type")?.Str != "AWS::Lambda::Url" || r.Get("Properties") is not MapNode p
                || p.Get("AuthType") is not StringNode { Value: "NONE" } authType)
            {
                continue;
            }

            var at = context.Locate(e.Key, authType);
            var owner = context.GeneratedFrom(e.Key) is { } sam ? $"the URL of {sam}" : $"function URL {e.Key}";
            findings.Add(DiagnosticCatalog.PublicFunctionUrlDescriptor.At(at.Span, $"{owner} has AuthType NONE: anyone on the internet can invoke it", at.Path));
        }
    }
}
