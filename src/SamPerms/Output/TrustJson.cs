using SamPerms.Model;
using SamPerms.Permissions.Trust;

namespace SamPerms.Output;

/// <summary>A role of the template and who may assume it, in the permission map's JSON (the "roles" list).</summary>
public static class TrustJson
{
    public static MapNode Role(RoleTrust role) => N.Map(
        ("id", role.RoleId),
        ("origin", PermissionsJson.Origin(role.Source)),
        ("templateCondition", PermissionsJson.Nullable(role.TemplateCondition)),
        ("usedBy", N.Strings(role.UsedBy)),
        ("trustPolicyKnown", !role.Unknown),
        ("assumedBy", N.Seq(role.Principals.Select(Principal))));

    public static MapNode Principal(TrustedPrincipal p) => N.Map(
        ("effect", p.Effect),
        ("principalType", p.Type),
        ("principal", p.Value),
        ("notPrincipal", p.Except),
        ("actions", N.Strings(p.Actions)),
        ("condition", p.Statement.Condition?.Clone() ?? NullNode.Instance),
        ("templateCondition", PermissionsJson.Nullable(p.Statement.Conditional)),
        ("origin", PermissionsJson.Origin(p.Source)));
}
