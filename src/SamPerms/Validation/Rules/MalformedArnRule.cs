using SamPerms.Diagnostics;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>A literal Resource (or NotResource) of a statement that is neither "*" nor an ARN.</summary>
public sealed class MalformedArnRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.MalformedArnDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        foreach (var st in context.OutputStatements)
        {
            foreach (var item in st.Statement.Resources.Select(r => r.Node))
            {
                if (item is Model.StringNode s && Problem(s.Value) is { } problem)
                {
                    findings.Add(StatementFindings.Make(context, DiagnosticCatalog.MalformedArnDescriptor, st, item, $"resource '{s.Value}' {problem}"));
                }
            }
        }
    }

    /// <summary>Why a literal resource is not an ARN IAM accepts, or null when it is fine.</summary>
    public static string? Problem(string value)
    {
        // "*", a dynamic reference CloudFormation resolves at deploy, or API Gateway's short form
        // "execute-api:/stage/METHOD/path" that its resource policies accept.
        if (value == "*" || value.StartsWith("{{resolve:", StringComparison.Ordinal) || value.StartsWith("execute-api:/", StringComparison.Ordinal))
        {
            return null;
        }

        if (!value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return "is not an ARN: write \"*\" or arn:partition:service:region:account:resource";
        }

        var parts = value.Split(':', 6);
        if (parts.Length < 6)
        {
            return $"is not a complete ARN: it has {parts.Length} of the 6 colon-separated parts arn:partition:service:region:account:resource";
        }

        if (parts[1].Length == 0 || parts[2].Length == 0)
        {
            return "is not a valid ARN: the partition and service parts must not be empty";
        }

        return null;
    }
}
