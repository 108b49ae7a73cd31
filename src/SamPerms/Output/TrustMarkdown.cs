using System.Text;
using SamPerms.Output.Escaping;
using SamPerms.Permissions;
using SamPerms.Permissions.Trust;
using static SamPerms.Output.MarkdownText;

namespace SamPerms.Output;

/// <summary>Who may assume a role, in the Markdown report: a table of the principals its trust policy names.</summary>
internal static class TrustMarkdown
{
    /// <summary>The "Assumed by" table of one role (in a subject's details).</summary>
    public static void Append(StringBuilder sb, RoleTrust role, StaticValues? values)
    {
        sb.Append("**Assumed by**\n\n");
        if (role.Principals.Count == 0)
        {
            sb.Append(role.Unknown ? "Unknown: the role has no trust policy.\n\n" : "No principal.\n\n");
            return;
        }

        sb.Append(Header("Principal", "Action", "Condition", "Origin"));
        foreach (var p in role.Principals)
        {
            sb.Append(Row(PrincipalCell(p), Codes(p.Actions), ConditionCell(p, values), PermissionsMarkdown.Origin(p.Source)));
        }

        sb.Append('\n');
    }

    /// <summary>The roles no subject of the map runs with, one table.</summary>
    public static void AppendOthers(StringBuilder sb, PermissionMap map)
    {
        var others = map.OtherRoles.ToList();
        if (others.Count == 0)
        {
            return;
        }

        sb.Append("### Roles no function or state machine runs with\n\n");
        sb.Append(Header("Role", "Principal", "Action", "Condition", "Origin"));
        foreach (var role in others)
        {
            var name = Code(role.RoleId) + (role.TemplateCondition is { } c ? "<br>only if " + Code(c) : "");
            if (role.Principals.Count == 0)
            {
                sb.Append(Row(name, role.Unknown ? "unknown (no trust policy)" : "none", "", "", PermissionsMarkdown.Origin(role.Source)));
            }

            foreach (var p in role.Principals)
            {
                sb.Append(Row(name, PrincipalCell(p), Codes(p.Actions), ConditionCell(p, values: map.Values), PermissionsMarkdown.Origin(p.Source)));
            }
        }

        sb.Append('\n');
    }

    private static string PrincipalCell(TrustedPrincipal p) => (p.IsAllow ? "" : MarkdownEscape.Text(p.Effect) + " ") + Code(p.Display);

    private static string ConditionCell(TrustedPrincipal p, StaticValues? values)
    {
        var cell = p.ConditionText(values) is { } condition ? Code(condition) : "";
        if (p.Statement.Conditional is { } conditional)
        {
            cell += (cell.Length > 0 ? "<br>" : "") + "if " + Code(conditional);
        }

        return cell;
    }
}
