using SamPerms.Diagnostics;
using SamPerms.Model;

namespace SamPerms.Validation.Iam;

/// <summary>One condition of a statement: the operator entry (<c>StringEquals</c>) and, when it is a mapping of keys, one key of it.</summary>
public readonly record struct ConditionEntry(PolicyStatementAt Statement, MapNode Condition, string Operator, MapNode? Block, string? Key);

/// <summary>
/// The operators and keys of every statement's Condition, as written: intrinsic functions (an operator block built
/// by Fn::If, a Ref) are values known only at deploy and are left out.
/// </summary>
public static class ConditionEntries
{
    /// <summary>Each operator of each Condition (Key null), then each key of its block.</summary>
    public static IEnumerable<ConditionEntry> All(ValidationContext context)
    {
        foreach (var at in context.OutputStatements)
        {
            if (at.Statement.Condition is not MapNode condition || Intrinsics.IsIntrinsic(condition))
            {
                continue;
            }

            foreach (var op in condition.Entries)
            {
                if (IsIntrinsicName(op.Key))
                {
                    continue;
                }

                var block = op.Value is MapNode m && !Intrinsics.IsIntrinsic(m) ? m : null;
                yield return new ConditionEntry(at, condition, op.Key, block, null);
                foreach (var key in block?.Entries ?? [])
                {
                    if (!IsIntrinsicName(key.Key))
                    {
                        yield return new ConditionEntry(at, condition, op.Key, block, key.Key);
                    }
                }
            }
        }
    }

    /// <summary>A finding at the operator (Key null) or key as written, else where the statement comes from.</summary>
    public static Diagnostic Make(ValidationContext context, DiagnosticDescriptor code, ConditionEntry entry, string message)
    {
        var at = entry.Key is null ? context.WhereKey(entry.Condition, entry.Operator) : context.WhereKey(entry.Block!, entry.Key);
        if (at.Path is null)
        {
            at = StatementFindings.Where(context, entry.Statement);
        }

        return code.At(at.Span, message + StatementFindings.Describe(context, entry.Statement), at.Path);
    }

    private static bool IsIntrinsicName(string name) => name == "Ref" || name.StartsWith("Fn::", StringComparison.Ordinal);
}
