using System.Text;
using SamPerms.Permissions;
using SamPerms.Permissions.Trust;

using static SamPerms.Output.Escaping.TextEscape;

namespace SamPerms.Output;

/// <summary>Who may assume a role, in the text report: one line per principal of its trust policy, with its origin.</summary>
internal static class TrustText
{
    public static void Append(StringBuilder sb, RoleTrust trust, StaticValues? values, Func<Source, string> where)
    {
        sb.Append("  assumed by:");
        if (trust.Principals.Count == 0)
        {
            sb.Append(trust.Unknown ? " unknown (no trust policy)\n" : " no principal\n");
            return;
        }

        sb.Append('\n');
        foreach (var p in trust.Principals)
        {
            sb.Append("    ").Append(p.IsAllow ? "" : Value(p.Effect) + " ").Append(Value(p.Display)).Append("  ").Append(string.Join(", ", p.Actions.Select(Value)));
            if (p.ConditionText(values) is { } condition)
            {
                sb.Append(" when ").Append(Value(condition));
            }

            if (p.Statement.Conditional is { } conditional)
            {
                sb.Append(" [if ").Append(Value(conditional)).Append(']');
            }

            sb.Append("\n      ← ").Append(Value(p.Source.Description));
            if (p.Source.PropertyPath.Length > 0)
            {
                sb.Append(", ").Append(Value(p.Source.ToString()));
            }

            sb.Append(" (").Append(where(p.Source)).Append(")\n");
        }
    }
}
