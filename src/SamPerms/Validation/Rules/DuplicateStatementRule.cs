using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation.Rules;

/// <summary>A statement that appears again, verbatim (Sid aside), in the same policy document.</summary>
public sealed class DuplicateStatementRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.DuplicateStatementDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        var seen = new Dictionary<(Node Document, string Text), MapNode>();
        foreach (var at in context.OutputStatements)
        {
            if (at.Statement.Node is not { } node)
            {
                continue;
            }

            // Only what the author wrote: a repeat in what SAM generates is not theirs to fix.
            if (context.Where(node).Path is null)
            {
                continue;
            }

            var key = (at.Policy.Document, Canonical(node));

            if (seen.TryGetValue(key, out var first))
            {
                var line = first.Span.IsKnown ? $" (as at line {first.Span.Line})" : "";
                findings.Add(StatementFindings.Make(context, DiagnosticCatalog.DuplicateStatementDescriptor, at, node, $"this statement repeats an earlier one of the same policy{line}"));
                continue;
            }

            seen[key] = node;
        }
    }

    /// <summary>The statement without its Sid, as compact JSON with sorted keys: equal text, equal statement.</summary>
    private static string Canonical(MapNode statement)
    {
        var copy = new MapNode();
        foreach (var e in statement.Entries.Where(e => e.Key != "Sid").OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            copy.Add(e.Key, e.Value, e.KeySpan);
        }

        return JsonText.Compact(copy);
    }
}
