namespace SamPerms.Permissions.Baseline;

public enum RowCategory
{
    /// <summary>The subject's execution role.</summary>
    Role,

    /// <summary>Who may invoke the subject (a Lambda permission, or a role that may call it).</summary>
    Invoker,

    /// <summary>An event source mapping that invokes a function with its role.</summary>
    Poller,

    /// <summary>A statement of the role other than a managed policy's.</summary>
    Statement,

    /// <summary>A managed policy attached to the role (one row for all its statements).</summary>
    ManagedPolicy,

    /// <summary>A principal the trust policy of a role of the template lets assume it.</summary>
    Trust,
}

/// <summary>
/// One permission of a subject as a reviewer reads it, in the columns <c>cdk diff</c> uses (resource, effect,
/// action, principal, condition). <see cref="Key"/> identifies it across versions: it leaves out where it was
/// written and generated names, so moving a statement does not show as a change.
/// </summary>
public sealed record PermissionRow(
    RowCategory Category,
    string Subject,
    IReadOnlyList<string> Resources,
    string Effect,
    IReadOnlyList<string> Actions,
    string Principal,
    string Condition,
    string Key,
    Source Origin,
    Grant? Grant = null,
    Invoker? Invoker = null,
    IReadOnlyList<Grant>? ManagedStatements = null,
    RoleInfo? Role = null,
    Trust.TrustedPrincipal? Trusted = null);

/// <summary>
/// A row added or removed between two versions, or changed (<see cref="Before"/> is the row it was: the same
/// statement or invoker with other actions, resources or conditions), and whether it widens what is allowed.
/// <see cref="Added"/> is true for a changed row too: <see cref="Row"/> is what the new version has.
/// </summary>
public sealed record PermissionChange(bool Added, PermissionRow Row, bool Broadening, string Reason, PermissionRow? Before = null)
{
    public bool Changed => Before is not null;

    /// <summary>"added", "removed" or "changed".</summary>
    public string Kind => Changed ? "changed" : Added ? "added" : "removed";

    /// <summary>The resources, marked where a changed row differs from the one before.</summary>
    public IReadOnlyList<CellLine> Resources => CellDiff.Of(Before?.Resources, Row.Resources, StringComparer.Ordinal);

    /// <summary>The actions (IAM compares them ignoring case), marked where a changed row differs.</summary>
    public IReadOnlyList<CellLine> Actions => CellDiff.Of(Before?.Actions, Row.Actions, StringComparer.OrdinalIgnoreCase);

    /// <summary>The condition lines, marked where a changed row differs.</summary>
    public IReadOnlyList<CellLine> Conditions => CellDiff.Of(Before is null ? null : Lines(Before.Condition), Lines(Row.Condition), StringComparer.Ordinal);

    private static string[] Lines(string condition) => condition.Length == 0 ? [] : condition.Split('\n');
}

public sealed record BaselineReport(IReadOnlyList<PermissionChange> Changes)
{
    public int Broadening => Changes.Count(c => c.Broadening);

    public int Added => Changes.Count(c => c.Added && !c.Changed);

    public int Removed => Changes.Count(c => !c.Added);

    public int ChangedRows => Changes.Count(c => c.Changed);
}

/// <summary>The rows of one subject.</summary>
public static class PermissionRows
{
    public static List<PermissionRow> Of(Subject s, StaticValues? values = null)
    {
        var rows = new List<PermissionRow>();
        var id = s.SamLogicalId;
        var roleName = s.Role.LogicalId ?? s.Role.Display;
        rows.Add(new PermissionRow(RowCategory.Role, id, [id], "", [], s.Role.Display, "",
            $"role|{s.Role.Kind}|{s.Role.Display}", s.Source, Role: s.Role));

        foreach (var i in s.InvokedBy)
        {
            var target = i.Kind == InvokerKind.Role ? i.Qualifier : i.Qualifier == "function" ? id : $"{id} ({i.Qualifier})";
            var principal = i.Kind == InvokerKind.Role ? $"{i.Principal} (role {i.ResourceId})" : i.Principal;
            var condition = new List<string>();
            if (i.Kind == InvokerKind.Role)
            {
                if (i.UsedBy is { Count: > 0 } users)
                {
                    condition.Add("used by " + string.Join(", ", users));
                }
            }
            else
            {
                if (i.SourceArn is { } arn)
                {
                    condition.Add("SourceArn: " + arn.Text);
                }

                if (i.SourceAccount is { } account)
                {
                    condition.Add("SourceAccount: " + account.Text);
                }

                if (i.FunctionUrlAuthType is { } auth)
                {
                    condition.Add("FunctionUrlAuthType: " + auth);
                }

                // Only calls through the function URL: without it the row would read as "anyone may invoke directly".
                if (i.InvokedViaFunctionUrl)
                {
                    condition.Add("lambda:InvokedViaFunctionUrl: true");
                }
            }

            foreach (var route in i.ApiRoutes ?? [])
            {
                condition.Add("callers: " + route.Describe());
            }

            if (i.Condition is { } c)
            {
                condition.Add("if " + c);
            }

            var key = (i.Kind == InvokerKind.Role
                ? $"invoker|role|{i.Principal}|{i.Action}|{i.Qualifier}|{i.ResourceId}|{i.Condition}"
                : $"invoker|{i.Principal}|{i.Action}|{i.SourceArn?.Text}|{i.SourceAccount?.Text}|{i.FunctionUrlAuthType}|{i.Qualifier}|{i.Condition}" + (i.InvokedViaFunctionUrl ? "|url" : ""))
                + string.Concat((i.ApiRoutes ?? []).Select(r => "|" + r.Describe()));
            rows.Add(new PermissionRow(RowCategory.Invoker, id, [target], "Allow", [i.Action], principal, string.Join("\n", condition), key, i.Source, Invoker: i));
        }

        foreach (var p in s.Pollers)
        {
            rows.Add(new PermissionRow(RowCategory.Poller, id, [p.EventSourceArn.Text], "Allow", ["lambda:InvokeFunction"], "event source mapping", "",
                $"poller|{p.EventSourceArn.Text}", p.Source));
        }

        var managed = new Dictionary<string, List<Grant>>(StringComparer.Ordinal);
        foreach (var g in s.MayDo)
        {
            if (g.ManagedPolicyArn is { } arn)
            {
                if (!managed.TryGetValue(arn, out var list))
                {
                    list = [];
                    managed[arn] = list;
                }

                list.Add(g);
                continue;
            }

            var condition = g.Condition is null ? "" : IamConditionText.Render(g.Condition, values);
            if (g.Conditional is not null)
            {
                condition = condition.Length > 0 ? $"{condition}\nif {g.Conditional}" : $"if {g.Conditional}";
            }

            var actions = g.NotAction ? g.Actions.Select(a => "NOT " + a).ToList() : g.Actions.ToList();
            var resources = g.NotResource ? g.Resources.Select(r => "NOT " + r.Text).ToList() : g.Resources.Select(r => r.Text).ToList();
            var key = $"statement|{g.Effect}|{string.Join(",", actions.Order(StringComparer.OrdinalIgnoreCase)).ToLowerInvariant()}|{string.Join(",", resources.Order(StringComparer.Ordinal))}|{condition}";
            rows.Add(new PermissionRow(RowCategory.Statement, id, resources, g.Effect, actions, $"role {roleName}", condition, key, g.Source, Grant: g));
        }

        foreach (var (arn, grants) in managed)
        {
            var conditional = grants[0].Conditional is { } c ? "if " + c : "";
            rows.Add(new PermissionRow(RowCategory.ManagedPolicy, id, [arn], "", [grants[0].PolicyName], $"role {roleName}", conditional,
                $"managed|{arn}|{conditional}", grants[0].Source, ManagedStatements: grants));
        }

        return rows;
    }
}
