using SamPerms.Iam;

namespace SamPerms.Permissions.Baseline;

/// <summary>
/// The permission change between two versions of a template, as a pull-request reviewer wants it: rows added and
/// removed per function and state machine (role, invokers, pollers, statements, managed policies), each marked
/// broadening when it widens what is allowed — an added Allow not covered by the old ones, a removed Deny, a new
/// principal or source, a role whose permissions are no longer known.
/// </summary>
public static class BaselineDiff
{
    public static BaselineReport Run(PermissionMap before, PermissionMap after)
    {
        var changes = new List<PermissionChange>();
        var ids = before.Subjects.Select(s => s.LogicalId).Concat(after.Subjects.Select(s => s.LogicalId)).Distinct(StringComparer.Ordinal);
        var befores = ById(before.Subjects);
        var afters = ById(after.Subjects);
        foreach (var id in ids)
        {
            var old = befores.GetValueOrDefault(id);
            var now = afters.GetValueOrDefault(id);
            var oldRows = old is null ? [] : PermissionRows.Of(old, before.Values);
            var newRows = now is null ? [] : PermissionRows.Of(now, after.Values);
            var oldAllows = new StatementIndex(old is null ? [] : GrantStatements.Of(old.MayDo).Where(s => s.IsAllow).ToList());
            var oldInvokers = old?.InvokedBy ?? [];

            var removed = Minus(oldRows, newRows);
            var added = Minus(newRows, oldRows);
            var pairs = RowPairs.Of(removed, added);
            foreach (var row in removed.Where(r => !pairs.ContainsKey(r)))
            {
                // A removed Deny widens what is allowed; anything else removed narrows it.
                var broadening = row.Category == RowCategory.Statement && row.Effect == "Deny";
                changes.Add(new PermissionChange(false, row, broadening, broadening ? "a Deny is removed" : "no longer granted"));
            }

            foreach (var (was, row) in pairs)
            {
                var (broadening, reason) = AssessChange(was, row, old, oldAllows, oldInvokers, after.Values!);
                changes.Add(new PermissionChange(true, row, broadening, reason, was));
            }

            var paired = new HashSet<PermissionRow>(pairs.Values, ReferenceEqualityComparer.Instance);
            foreach (var row in added.Where(r => !paired.Contains(r)))
            {
                var (broadening, reason) = Assess(row, old, oldAllows, oldInvokers, after.Values!);
                changes.Add(new PermissionChange(true, row, broadening, reason));
            }
        }

        changes.AddRange(TrustChanges.Between(before, after));
        return new BaselineReport(changes);
    }

    /// <summary>Each subject by its logical id (the first, should two share one).</summary>
    private static Dictionary<string, Subject> ById(IReadOnlyList<Subject> subjects)
    {
        var byId = new Dictionary<string, Subject>(StringComparer.Ordinal);
        foreach (var s in subjects)
        {
            byId.TryAdd(s.LogicalId, s);
        }

        return byId;
    }

    /// <summary>The rows of <paramref name="a"/> not in <paramref name="b"/>, counting duplicates.</summary>
    internal static List<PermissionRow> Minus(List<PermissionRow> a, List<PermissionRow> b)
    {
        var remaining = b.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<PermissionRow>();
        foreach (var row in a)
        {
            if (remaining.TryGetValue(row.Key, out var n) && n > 0)
            {
                remaining[row.Key] = n - 1;
            }
            else
            {
                result.Add(row);
            }
        }

        return result;
    }

    /// <summary>Whether a changed row widens what is allowed, and what changed, every action named.</summary>
    private static (bool, string) AssessChange(PermissionRow before, PermissionRow row, Subject? old, StatementIndex oldAllows, IReadOnlyList<Invoker> oldInvokers, StaticValues values)
    {
        if (row.Category != RowCategory.Statement)
        {
            return Assess(row, old, oldAllows, oldInvokers, values);
        }

        var change = new PermissionChange(true, row, false, "", before);
        var lost = CellDiff.Values(change.Actions, LineChange.Removed);
        var lostOn = CellDiff.Values(change.Resources, LineChange.Removed);
        var lostWhat = string.Join("; ", new[]
        {
            lost.Count > 0 ? string.Join(", ", lost) : "",
            lostOn.Count > 0 ? "on " + string.Join(", ", lostOn) : "",
        }.Where(s => s.Length > 0));
        if (row.Effect == "Deny")
        {
            // A Deny that covers less widens what is allowed; one that covers more narrows it.
            return lostWhat.Length > 0 || CellDiff.Differs(change.Conditions)
                ? (true, lostWhat.Length > 0 ? "the Deny no longer covers " + lostWhat : "the Deny's condition changed")
                : (false, "the Deny now covers more");
        }

        var (broadening, reason) = Assess(row, old, oldAllows, oldInvokers, values);
        if (lostWhat.Length == 0)
        {
            return (broadening, reason);
        }

        var narrowed = "no longer allows " + lostWhat;
        return broadening ? (true, reason + "; " + narrowed) : (false, narrowed);
    }

    private static (bool, string) Assess(PermissionRow row, Subject? old, StatementIndex oldAllows, IReadOnlyList<Invoker> oldInvokers, StaticValues values)
    {
        switch (row.Category)
        {
            case RowCategory.Role:
                return old is null ? (false, "new in this version")
                    : row.Role!.Kind is RoleKind.External or RoleKind.Unknown ? (true, "the role is no longer in the template: what it may do is unknown")
                    : (false, "the role changed");
            case RowCategory.Invoker:
                return AssessInvoker(row.Invoker!, oldInvokers, values);
            case RowCategory.Poller:
                return (true, "a new event source invokes it");
            case RowCategory.Statement:
                var g = row.Grant!;
                if (g.Statement.Rejected is { } rejected)
                {
                    return (false, "grants nothing: IAM rejects its policy, " + rejected);
                }

                if (!g.IsAllow)
                {
                    return (false, "a Deny is added");
                }

                return Widens([g], oldAllows, values) is { } what ? (true, what) : (false, "already allowed");
            default:
                var statements = row.ManagedStatements!;
                if (statements.Any(s => s.Opaque))
                {
                    return (true, "a managed policy whose statements are not known here");
                }

                return Widens(statements.Where(s => s.IsAllow).ToList(), oldAllows, values) is { } widened ? (true, widened) : (false, "already allowed");
        }
    }

    /// <summary>What the new Allows grant that the old ones did not, or null when nothing.</summary>
    private static string? Widens(IReadOnlyList<Grant> grants, StatementIndex oldAllows, StaticValues values)
    {
        // Per resource (as written), the actions the old statements did not allow there.
        var added = new List<(string Resource, List<string> Actions)>();
        var byResource = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var g in grants.Where(g => g.Statement.Rejected is null))
        {
            IEnumerable<string> actions = g.NotAction ? ["*"] : g.Actions;
            IEnumerable<(string Shown, string Canonical)> resources = g.NotResource ? [("*", "*")] : g.Resources.Select(r => (r.Text, values.Canonical(r.Text)));
            foreach (var (shown, resource) in resources)
            {
                foreach (var action in actions)
                {
                    // An action on a kind of resource it does not act on grants nothing new.
                    var uncovered = PolicyEvaluator.Uncovered(oldAllows, action, resource)
                        .Where(u => g.NotAction || ResourceApplicability.Applies(u, resource, values.IsNameSymbol));
                    foreach (var u in uncovered)
                    {
                        if (!byResource.TryGetValue(shown, out var actionsThere))
                        {
                            byResource[shown] = actionsThere = [];
                            added.Add((shown, actionsThere));
                        }

                        if (!actionsThere.Contains(u))
                        {
                            actionsThere.Add(u);
                        }
                    }
                }
            }
        }

        return added.Count == 0 ? null
            : "newly allows " + string.Join("; ", added.Select(a => $"{string.Join(", ", a.Actions)} on {a.Resource}"));
    }

    private static (bool, string) AssessInvoker(Invoker i, IReadOnlyList<Invoker> oldInvokers, StaticValues values)
    {
        var same = oldInvokers.Where(o => o.Principal == i.Principal && o.Action == i.Action && o.Kind == i.Kind).ToList();
        if (same.Count == 0)
        {
            return (true, $"new principal {i.Principal}");
        }

        foreach (var o in same)
        {
            var source = o.SourceArn is null || (i.SourceArn is { } s && SymbolicPattern.Covers(values.Canonical(o.SourceArn.Value.Text), values.Canonical(s.Text), ignoreCase: false) == Certainty.Yes);
            var account = o.SourceAccount is null || (i.SourceAccount is { } a && a.Text == o.SourceAccount.Value.Text);
            // An invoker limited to calls through the function URL covers less than one that is not.
            var url = !o.InvokedViaFunctionUrl || i.InvokedViaFunctionUrl;
            if (source && account && url && o.FunctionUrlAuthType == i.FunctionUrlAuthType)
            {
                return RouteChange(i, o, weaker: true) is { } weaker ? (true, weaker)
                    : (false, RouteChange(i, o, weaker: false) ?? "already allowed");
            }
        }

        return (true, i.SourceArn is null ? $"{i.Principal} may now invoke from any source" : $"{i.Principal} may now invoke from {i.SourceArn.Value.Text}");
    }

    /// <summary>
    /// An API route whose callers now need less than before (<paramref name="weaker"/>: an authorizer removed, a
    /// new open route) or more (an authorizer added), described; null when there is none.
    /// </summary>
    private static string? RouteChange(Invoker now, Invoker before, bool weaker)
    {
        foreach (var route in now.ApiRoutes ?? [])
        {
            var old = before.ApiRoutes?.FirstOrDefault(r => r.Api == route.Api && r.Method == route.Method && r.Path == route.Path);
            var changed = old is null ? weaker && route.Access == ApiAccess.Open
                : weaker ? Openness(route.Access) > Openness(old.Access) : Openness(route.Access) < Openness(old.Access);
            if (changed)
            {
                return $"API route {route.Route} is now {ApiRoute.AccessName(route.Access)}" + (old is null ? "" : $" (was {ApiRoute.AccessName(old.Access)})");
            }
        }

        return null;
    }

    /// <summary>How many callers a route lets through: authorized fewest, open most; unknown in between.</summary>
    private static int Openness(ApiAccess access) => access switch
    {
        ApiAccess.Authorized => 0,
        ApiAccess.Restricted => 1,
        ApiAccess.Unknown => 2,
        _ => 3,
    };
}
