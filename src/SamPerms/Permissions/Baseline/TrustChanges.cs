using System.Text.RegularExpressions;
using SamPerms.Iam;
using SamPerms.Model;
using SamPerms.Permissions.Trust;

namespace SamPerms.Permissions.Baseline;

/// <summary>
/// How who may assume each role of the template changed between two versions, as rows of the baseline diff. An
/// added principal is broadening unless an old statement of the same role already let it assume the role with
/// those actions under no more conditions (IAM's trust policy semantics: a condition only narrows; an account's root
/// or its id delegates to every principal of that account; AWS "*" is every principal of every account). A
/// removed principal or an added Deny narrows; a removed Deny widens.
/// </summary>
public static partial class TrustChanges
{
    public static IEnumerable<PermissionChange> Between(PermissionMap before, PermissionMap after)
    {
        var ids = before.Roles.Select(r => r.RoleId).Concat(after.Roles.Select(r => r.RoleId)).Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var old = before.Roles.FirstOrDefault(r => r.RoleId == id);
            var now = after.Roles.FirstOrDefault(r => r.RoleId == id);
            var oldRows = old is null ? [] : Rows(old, before);
            var newRows = now is null ? [] : Rows(now, after);
            foreach (var row in BaselineDiff.Minus(oldRows, newRows))
            {
                var p = row.Trusted!;
                yield return p.IsAllow
                    ? new PermissionChange(false, row, false, newRows.Any(n => n.Trusted!.IsAllow && SamePrincipal(n.Trusted, p)) ? "replaced by the added row for the same principal" : "no longer trusted")
                    : new PermissionChange(false, row, true, "a Deny is removed");
            }

            foreach (var row in BaselineDiff.Minus(newRows, oldRows))
            {
                var (broadening, reason) = Assess(row.Trusted!, id, old, before.Values, after.Values);
                yield return new PermissionChange(true, row, broadening, reason);
            }
        }
    }

    /// <summary>The rows of one role: one per principal of its trust policy.</summary>
    public static List<PermissionRow> Rows(RoleTrust role, PermissionMap map)
    {
        var users = map.Subjects.Where(s => role.UsedBy.Contains(s.LogicalId)).Select(s => s.SamLogicalId).Distinct(StringComparer.Ordinal).ToList();
        var subject = users.Count == 1 ? users[0] : role.RoleId;
        var rows = new List<PermissionRow>();
        foreach (var p in role.Principals)
        {
            var condition = Condition(p, map.Values);
            var actions = p.Actions.Order(StringComparer.OrdinalIgnoreCase).Select(a => a.ToLowerInvariant());
            rows.Add(new PermissionRow(RowCategory.Trust, subject, [role.RoleId], p.Effect, p.Actions, p.Display, condition,
                $"trust|{role.RoleId}|{p.Effect}|{p.Display}|{string.Join(",", actions)}|{condition}", p.Source, Trusted: p));
        }

        return rows;
    }

    private static string Condition(TrustedPrincipal p, StaticValues? values)
    {
        var condition = p.ConditionText(values) ?? "";
        return p.Statement.Conditional is { } c ? (condition.Length > 0 ? $"{condition}\nif {c}" : $"if {c}") : condition;
    }

    private static (bool, string) Assess(TrustedPrincipal p, string roleId, RoleTrust? old, StaticValues? oldValues, StaticValues? values)
    {
        if (!p.IsAllow)
        {
            return (false, "a Deny is added");
        }

        var who = p.Everyone ? "any principal of any AWS account (*)" : p.Display;
        if (old is null)
        {
            return (true, $"new role {roleId}: {who} may assume it");
        }

        var allows = old.Principals.Where(o => o.IsAllow).ToList();
        var covering = allows.Where(o => Covers(o, p, oldValues, values)).ToList();
        if (covering.Count > 0)
        {
            var condition = p.ConditionText(values);
            return (false, covering.Any(o => o.ConditionText(oldValues) == condition && SamePrincipal(o, p)) ? "already trusted" : "narrower than before");
        }

        var same = allows.Where(o => PrincipalCovers(o, p) && o.Actions.Count > 0 && ActionsCover(o, p)).ToList();
        if (same.Count > 0)
        {
            var before = same.Select(o => o.ConditionText(oldValues)).FirstOrDefault(c => c is not null);
            return (true, p.Statement.Condition is null && before is not null
                ? $"{who} may now assume role {roleId} without the condition {before}"
                : $"{who} may now assume role {roleId} under a wider condition" + (before is null ? "" : $" (was {before})"));
        }

        if (allows.Any(o => PrincipalCovers(o, p)))
        {
            return (true, $"{who} may now {string.Join(", ", p.Actions)} on role {roleId}");
        }

        return (true, p.Everyone ? $"{who} may now assume role {roleId}" : $"new trusted principal {who}");
    }

    /// <summary>The old statement already let this principal do these actions under no more conditions.</summary>
    private static bool Covers(TrustedPrincipal old, TrustedPrincipal now, StaticValues? oldValues, StaticValues? values) =>
        PrincipalCovers(old, now) && ActionsCover(old, now)
        && (old.Statement.Conditional is null || old.Statement.Conditional == now.Statement.Conditional)
        && ConditionCovers(old.Statement.Condition, now.Statement.Condition, oldValues, values);

    private static bool SamePrincipal(TrustedPrincipal a, TrustedPrincipal b) => a.Type == b.Type && a.Value == b.Value && a.Except == b.Except;

    /// <summary>Every principal <paramref name="now"/> names is one <paramref name="old"/> named.</summary>
    private static bool PrincipalCovers(TrustedPrincipal old, TrustedPrincipal now)
    {
        if (old.Except || now.Except)
        {
            return SamePrincipal(old, now);
        }

        if (old.Type != now.Type)
        {
            return false;
        }

        if (string.Equals(old.Value, now.Value, old.Type == "Service" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) || old.Everyone)
        {
            return true;
        }

        // An account (its id or its root) delegates to every principal of that account.
        return old.Type == "AWS" && Account(old.Value) is { } account && AccountOf(now.Value) == account;
    }

    private static bool ActionsCover(TrustedPrincipal old, TrustedPrincipal now) =>
        now.Actions.All(a => old.Actions.Any(o => Wildcard.Matches(o, a, ignoreCase: true)));

    /// <summary>
    /// Conditions all hold (IAM ANDs operators and keys; the values of one key are ORed): the new block is at least as
    /// narrow when it keeps every operator and key of the old one with a subset of its values.
    /// </summary>
    private static bool ConditionCovers(Node? old, Node? now, StaticValues? oldValues, StaticValues? values)
    {
        if (old is null)
        {
            return true;
        }

        if (now is null)
        {
            return false;
        }

        if (old is not MapNode oldOps || now is not MapNode newOps || Intrinsics.IsIntrinsic(oldOps) || Intrinsics.IsIntrinsic(newOps))
        {
            return IamConditionText.Render(old, oldValues) == IamConditionText.Render(now, values);
        }

        foreach (var op in oldOps.Entries)
        {
            if (newOps.Get(op.Key) is not MapNode newKeys || op.Value is not MapNode oldKeys)
            {
                return false;
            }

            foreach (var key in oldKeys.Entries)
            {
                var match = newKeys.Entries.FirstOrDefault(k => string.Equals(k.Key, key.Key, StringComparison.OrdinalIgnoreCase));
                if (match.Value is null)
                {
                    return false;
                }

                var allowed = Rendered(key.Value, oldValues);
                if (!Rendered(match.Value, values).All(allowed.Contains))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static HashSet<string> Rendered(Node value, StaticValues? values) =>
        values is null ? [] : StatementReader.Values(value, values, canonical: false).Select(v => v.Text).ToHashSet(StringComparer.Ordinal);

    /// <summary>The account a principal value designates by itself: a bare id or an account's root.</summary>
    private static string? Account(string value) => AccountRoot().Match(value) is { Success: true } m ? m.Groups["account"].Value : null;

    /// <summary>The account of any IAM ARN or bare id.</summary>
    private static string? AccountOf(string value) => AnyInAccount().Match(value) is { Success: true } m ? m.Groups["account"].Value : null;

    [GeneratedRegex(@"^(?:(?<account>[0-9]{12})|arn:[a-z-]+:iam::(?<account>[0-9]{12}):root)$")]
    private static partial Regex AccountRoot();

    [GeneratedRegex(@"^(?:(?<account>[0-9]{12})|arn:[a-z-]+:(?:iam|sts)::(?<account>[0-9]{12}):.+)$")]
    private static partial Regex AnyInAccount();
}
