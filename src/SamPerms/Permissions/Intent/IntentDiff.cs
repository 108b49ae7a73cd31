using SamPerms.Diagnostics;
using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Permissions.Intent;

/// <summary>
/// Compares the permission map with intent. For each declared subject: each declared invoker and permission must
/// be granted (else missing), each granted invoker and permission must be declared (else excess), and what cannot
/// be decided before deploy is unverifiable, with the reason. Values on both sides are rendered the same way and
/// ARNs compared in their canonical spelling; wildcards on either side are honoured.
/// </summary>
public sealed partial class IntentDiff(StaticValues values)
{
    private const int UncoveredShown = 6;
    private readonly List<Finding> _findings = [];
    private readonly Dictionary<(string Subject, string Prefix), List<(Grant Grant, string Action)>> _unknownGranted = [];
    private PermissionMap? _map;

    public static IntentReport Run(PermissionMap map, IntentDocument intent)
    {
        var diff = new IntentDiff(map.Values ?? throw new ArgumentException("the map has no values", nameof(map))) { _map = map };
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in intent.Subjects)
        {
            if (map.Find(s.Id) is not { } subject)
            {
                continue; // reported by Unknown() before the diff runs
            }

            declared.Add(subject.LogicalId);
            diff.Check(subject, s);
        }

        var notDeclared = map.Subjects.Where(s => !declared.Contains(s.LogicalId)).Select(s => s.SamLogicalId).ToList();
        return new IntentReport(diff._findings, notDeclared);
    }

    /// <summary>The intent entries naming no function or state machine of the template.</summary>
    public static List<Diagnostic> Unknown(PermissionMap map, IntentDocument intent) =>
        intent.Subjects.Where(s => map.Find(s.Id) is null)
            .Select(s => IntentDiagnostics.Unknown(s.Id, s.Kind == SubjectKind.Function ? "function" : "state machine", s.Location.Span, s.Location.File,
                map.Subjects.Where(x => x.Kind == s.Kind).Select(x => x.SamLogicalId)))
            .ToList();

    private void Check(Subject subject, SubjectIntent intent)
    {
        if (intent.Allow is { } allow)
        {
            CheckAllow(subject, allow);
        }

        if (intent.InvokedBy is { } invokedBy)
        {
            CheckInvoke(subject, invokedBy);
        }

        if (intent.Deny is { } deny)
        {
            CheckForbidden(subject, deny);
        }
    }

    /// <summary>What the intent forbids must not be granted, not even part of it: granted is excess, maybe granted unverifiable.</summary>
    private void CheckForbidden(Subject subject, IReadOnlyList<AllowIntent> deny)
    {
        var grants = GrantStatements.Of(subject.MayDo);
        var opaque = subject.MayDo.FirstOrDefault(g => g.Opaque);
        foreach (var d in deny)
        {
            foreach (var actionNode in d.Actions)
            {
                foreach (var resourceNode in d.Resources)
                {
                    var action = Text(actionNode);
                    var resource = Text(resourceNode);
                    if (subject.Role.Kind is RoleKind.External or RoleKind.Unknown)
                    {
                        Add(FindingKind.Unverifiable, subject, FindingSide.Allow, action, resource, null, null,
                            $"forbidden by the intent; the role is not in this template ({subject.Role.Display})", null, d.Location);
                        continue;
                    }

                    var ev = PolicyEvaluator.EvaluateSome(grants, action, Canon(resource));
                    switch (ev.Decision)
                    {
                        case Decision.Allowed:
                            var grant = subject.MayDo[ev.Allowing[0].Id];
                            Add(FindingKind.Excess, subject, FindingSide.Allow, action, resource, null, null,
                                $"forbidden by the intent, granted by {Describe(grant)}", grant.Source, d.Location);
                            break;
                        case Decision.Undecided:
                            Add(FindingKind.Unverifiable, subject, FindingSide.Allow, action, resource, null, null,
                                "forbidden by the intent; " + Undecided(subject, ev), Origin(subject, ev), d.Location);
                            break;
                        default:
                            if (opaque is not null)
                            {
                                Add(FindingKind.Unverifiable, subject, FindingSide.Allow, action, resource, null, null,
                                    $"forbidden by the intent; managed policy {opaque.PolicyName} may grant it", opaque.Source, d.Location);
                            }

                            break;
                    }
                }
            }
        }
    }

    private string Text(Node node) => values.Render(node).Text;

    private string Canon(string text) => values.Canonical(text);

    private void Add(FindingKind kind, Subject s, FindingSide side, string? action, string? resource, string? principal, string? source, string reason, Source? origin, IntentLocation? intent) =>
        _findings.Add(new Finding(kind, s.SamLogicalId, side, action, resource, principal, source, reason, origin, intent));

    // ---- what the role may do ----

    private void CheckAllow(Subject subject, IReadOnlyList<AllowIntent> allow)
    {
        if (subject.Role.Kind is RoleKind.External or RoleKind.Unknown)
        {
            foreach (var a in allow)
            {
                foreach (var action in a.Actions)
                {
                    foreach (var resource in a.Resources)
                    {
                        Add(FindingKind.Unverifiable, subject, FindingSide.Allow, Text(action), Text(resource), null, null,
                            $"the role is not in this template ({subject.Role.Display})", null, a.Location);
                    }
                }
            }

            return;
        }

        var grants = GrantStatements.Of(subject.MayDo);
        var opaque = subject.MayDo.Where(g => g.Opaque).ToList();
        var unconditional = new StatementIndex(grants);
        foreach (var a in allow)
        {
            var statements = a.Condition is null ? unconditional : new StatementIndex(WithIntentCondition(subject, grants, a.Condition));
            foreach (var actionNode in a.Actions)
            {
                foreach (var resourceNode in a.Resources)
                {
                    CheckDeclared(subject, statements, opaque, Text(actionNode), Text(resourceNode), a.Location);
                }
            }
        }

        CheckGranted(subject, allow);
        foreach (var g in opaque)
        {
            Add(FindingKind.Unverifiable, subject, FindingSide.Allow, null, null, null, null,
                $"managed policy {g.PolicyName}: its statements are not known here", g.Source, null);
        }
    }

    /// <summary>A grant under the same IAM condition the intent declares counts as unconditional for that entry.</summary>
    private static List<Statement> WithIntentCondition(Subject subject, List<Statement> grants, Node? condition)
    {
        if (condition is null)
        {
            return grants;
        }

        var wanted = condition.ToString();
        return grants.Select(st =>
        {
            var g = subject.MayDo[st.Id];
            return g.Conditional is null && g.Condition?.ToString() == wanted ? st.Unconditional() : st;
        }).ToList();
    }

    /// <summary>One declared action on one declared resource: is it granted?</summary>
    private void CheckDeclared(Subject subject, StatementIndex statements, List<Grant> opaque, string action, string resource, IntentLocation where)
    {
        var ev = PolicyEvaluator.Evaluate(statements, action, Canon(resource));
        if (ev.Decision != Decision.Allowed && (Wildcard.HasWildcard(action) || Wildcard.HasWildcard(resource)))
        {
            // A wildcard in the intent is a ceiling: the entry is met when some of what it matches is granted.
            var some = PolicyEvaluator.EvaluateSome(statements, action, Canon(resource));
            if (Rank(some.Decision) > Rank(ev.Decision))
            {
                ev = some;
            }
        }

        switch (ev.Decision)
        {
            case Decision.Allowed:
                if (!BoundaryFinding(subject, ev, action, resource, where))
                {
                    ResourcePolicyFinding(subject, ev, action, resource, where);
                }

                return;
            case Decision.Denied:
                var deny = subject.MayDo[ev.Denying[0].Id];
                Add(FindingKind.Missing, subject, FindingSide.Allow, action, resource, null, null,
                    (ev.PartlyDenied ? "partly denied by " : "denied by ") + Describe(deny), deny.Source, where);
                return;
            case Decision.Undecided:
                Add(FindingKind.Unverifiable, subject, FindingSide.Allow, action, resource, null, null, Undecided(subject, ev), Origin(subject, ev), where);
                return;
        }

        if (_map is { ResourcePolicies.Count: > 0 } map && Effective.ResourcePolicyCheck.Decide(map, subject, action, Canon(resource)) is { Ruling: Effective.ResourceRuling.AllowedAlone }
            && Effective.BoundaryCheck.Allows(subject, action, Canon(resource), values) == Certainty.Yes)
        {
            // Within one account a resource policy that names the role grants it without an identity policy.
            return;
        }

        if (opaque.Count > 0)
        {
            Add(FindingKind.Unverifiable, subject, FindingSide.Allow, action, resource, null, null,
                $"not granted by the statements known here; managed policy {opaque[0].PolicyName} may grant it", opaque[0].Source, where);
            return;
        }

        var uncovered = PolicyEvaluator.Uncovered(statements, action, Canon(resource));
        var reason = uncovered.Count == 1 && uncovered[0] == action
            ? "no statement of the role allows it"
            : $"not granted: {Shorten(uncovered)}";
        if (subject.MayDo.FirstOrDefault(g => g.IsAllow && g.Statement.Rejected is not null
            && (g.Statement with { Rejected = null }).Touches(action, Canon(resource)) != Certainty.No) is { } rejected)
        {
            // A grant in a policy IAM refuses (a malformed action): the policy never exists, so it allows nothing.
            reason += $"; {Describe(rejected)} would allow it, but IAM rejects that policy: {rejected.Statement.Rejected}";
            Add(FindingKind.Missing, subject, FindingSide.Allow, action, resource, null, null, reason, rejected.Source, where);
            return;
        }

        if (Misspelled(subject, action) is { } near)
        {
            // The usual cause: the grant is there, spelled wrong (IAM ignores unknown actions without a word).
            reason += $"; {Describe(near.Grant)} allows '{near.Action}', which does not exist: a misspelling of it?";
            Add(FindingKind.Missing, subject, FindingSide.Allow, action, resource, null, null, reason, near.Grant.Source, where);
            return;
        }

        Add(FindingKind.Missing, subject, FindingSide.Allow, action, resource, null, null, reason, null, where);
    }

    /// <summary>Allowed by the role's policies: does its permissions boundary let it through? (A declared pattern is a ceiling: only "none of it" is missing.)</summary>
    private bool BoundaryFinding(Subject subject, Evaluation ev, string action, string resource, IntentLocation where)
    {
        if (subject.Boundary is null)
        {
            return false;
        }

        var inBoundary = Effective.BoundaryCheck.Allows(subject, action, Canon(resource), values);
        var pattern = Wildcard.HasWildcard(action) || Wildcard.HasWildcard(resource);
        if (inBoundary == Certainty.Yes || (pattern && inBoundary == Certainty.Maybe && subject.Boundary.Known))
        {
            return false;
        }

        var allowing = ev.Allowing.Select(s => subject.MayDo[s.Id]).ToList();
        if (Effective.BoundaryAnswer.Limit(subject, allowing, inBoundary) is { } answer)
        {
            Add(answer.Verdict == AccessVerdict.NotAllowed ? FindingKind.Missing : FindingKind.Unverifiable, subject, FindingSide.Allow, action, resource, null, null,
                answer.Reason, subject.Boundary.Source, where);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Allowed by the role's policies (and its boundary): does a resource policy of the template block it? A Deny
    /// or a key policy that lets no IAM grant count makes the declared action missing; a condition, unverifiable.
    /// A declared pattern is a ceiling: only a Deny of all of it is missing.
    /// </summary>
    private void ResourcePolicyFinding(Subject subject, Evaluation ev, string action, string resource, IntentLocation where)
    {
        if (_map is not { ResourcePolicies.Count: > 0 } map || Effective.ResourcePolicyCheck.Decide(map, subject, action, Canon(resource)) is not { } d)
        {
            return;
        }

        var pattern = Wildcard.HasWildcard(action) || Wildcard.HasWildcard(resource);
        if (pattern && d.Ruling != Effective.ResourceRuling.Denied)
        {
            return;
        }

        var allowing = ev.Allowing.Select(s => subject.MayDo[s.Id]).ToList();
        var answer = Effective.ResourcePolicyAnswer.Apply(map, subject, action, Canon(resource), new AccessAnswer(AccessVerdict.Allowed, "allowed", allowing));
        if (answer.Verdict != AccessVerdict.Allowed)
        {
            Add(answer.Verdict == AccessVerdict.NotAllowed ? FindingKind.Missing : FindingKind.Unverifiable, subject, FindingSide.Allow, action, resource, null, null,
                answer.Reason, d.Source, where);
        }
    }

    /// <summary>
    /// A granted action of the same service that IAM does not know and that is a letter or two away from the
    /// declared one (sqs:SendMesage for sqs:SendMessage).
    /// </summary>
    private (Grant Grant, string Action)? Misspelled(Subject subject, string declared)
    {
        int colon = declared.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || Wildcard.HasWildcard(declared) || Data.IamActionCatalog.Service(declared[..colon]) is not { } service)
        {
            return null;
        }

        var lower = declared.ToLowerInvariant();
        foreach (var (g, a) in UnknownGranted(subject, declared[..(colon + 1)], service))
        {
            if (Suggest.Distance(a.ToLowerInvariant(), lower) <= 2)
            {
                return (g, a);
            }
        }

        return null;
    }

    /// <summary>
    /// The granted actions with the service prefix that the service does not have, in grant order: found once per
    /// subject and prefix, however many declared actions are missing.
    /// </summary>
    private List<(Grant Grant, string Action)> UnknownGranted(Subject subject, string prefix, Data.IamService service)
    {
        var key = (subject.LogicalId, prefix.ToUpperInvariant());
        if (_unknownGranted.TryGetValue(key, out var known))
        {
            return known;
        }

        known = [];
        foreach (var g in subject.MayDo)
        {
            if (!g.IsAllow || g.NotAction)
            {
                continue;
            }

            foreach (var a in g.Actions)
            {
                if (a.Length > prefix.Length - 1 && string.Equals(a[..prefix.Length], prefix, StringComparison.OrdinalIgnoreCase)
                    && !Wildcard.HasWildcard(a) && service.Action(a[prefix.Length..]) is null)
                {
                    known.Add((g, a));
                }
            }
        }

        _unknownGranted[key] = known;
        return known;
    }

    private static int Rank(Decision d) => d switch
    {
        Decision.Allowed => 2,
        Decision.Undecided => 1,
        _ => 0,
    };

    /// <summary>Every action and resource each Allow grants: is it declared?</summary>
    private void CheckGranted(Subject subject, IReadOnlyList<AllowIntent> allow)
    {
        var declared = new List<Statement>();
        foreach (var a in allow)
        {
            declared.Add(new Statement { Effect = "Allow", ActionValues = a.Actions.Select(x => PolicyValue.Literal(Text(x))).ToList(), Resources = a.Resources.Select(r => new PolicyValue(Text(r), true, Canon(Text(r)), r)).ToList(), Id = declared.Count });
        }

        // What an unconditional Deny of the role takes away is not granted, so not excess either.
        var denies = new StatementIndex(GrantStatements.Of(subject.MayDo).Where(s => !s.IsAllow && !s.IsConditional).ToList());
        var declaredByAction = new StatementIndex(declared);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in subject.MayDo)
        {
            if (!g.IsAllow || g.Opaque || g.Statement.Rejected is not null)
            {
                continue;
            }

            var when = g.Condition is not null ? $" (when {g.Condition})" : g.Conditional is not null ? $" (if {g.Conditional})" : "";
            IEnumerable<string> actions = g.NotAction ? ["*"] : g.Actions;
            IEnumerable<(string Shown, string Canonical)> resources = g.NotResource
                ? [("all resources except " + string.Join(", ", g.Resources.Select(r => r.Text)), "*")]
                : g.Resources.Select(r => (r.Text, Canon(r.Text)));
            foreach (var (shown, canonical) in resources)
            {
                foreach (var action in actions)
                {
                    var shownAction = g.NotAction ? "all actions except " + string.Join(", ", g.Actions) : action;
                    // An action granted on a kind of resource it does not act on grants nothing: not excess.
                    var uncovered = PolicyEvaluator.Uncovered(declaredByAction, action, canonical)
                        .Where(u => g.NotAction || ResourceApplicability.Applies(u, canonical, values.IsNameSymbol))
                        .Where(u => !denies.Covering(u, canonical).Any(d => d.Covers(u, canonical) == Certainty.Yes)).ToList();
                    var partly = "";
                    if (uncovered.Count > UncoveredShown && uncovered[0] != action)
                    {
                        // A wildcard partly declared: one finding for the pattern, naming some of what it adds.
                        partly = $"; {uncovered.Count} of the actions it matches are not declared, e.g. {Shorten(uncovered)}";
                        uncovered = [action];
                    }

                    foreach (var u in uncovered)
                    {
                        var a = g.NotAction ? shownAction : u;
                        if (!seen.Add($"{a}\u0001{canonical}\u0001{g.Source}"))
                        {
                            continue;
                        }

                        var maybe = declaredByAction.Covering(u, canonical).Any(d => d.Covers(u, canonical) == Certainty.Maybe);
                        Add(maybe ? FindingKind.Unverifiable : FindingKind.Excess, subject, FindingSide.Allow, a, shown, null, null,
                            maybe ? $"granted by {Describe(g)}; whether the intent declares it depends on values known at deploy"
                                  : partly.Length > 0 ? $"granted by {Describe(g)}{when}{partly}" : $"granted by {Describe(g)}, not declared{when}",
                            g.Source, null);
                    }
                }
            }
        }
    }

    // ---- wording ----

    private static string Describe(Grant g)
    {
        var what = g.Template is { } t ? $"policy template {t.Name}" : g.ManagedPolicyArn is not null && !g.Source.Description.Contains(g.PolicyName, StringComparison.Ordinal)
            ? $"{g.Source.Description}, managed policy {g.PolicyName}" : g.Source.Description;
        return g.Source.PropertyPath.Length > 0 ? $"{what} ({g.Source})" : $"{what} ({g.Source.LogicalId})";
    }

    private static string Undecided(Subject subject, Evaluation ev) => ev.Reason switch
    {
        UndecidedReason.Condition => "allowed only under a condition: " + string.Join("; ", ev.Allowing.Select(s => subject.MayDo[s.Id]).Select(g =>
            (g.Condition is not null ? $"when {g.Condition}" : $"if {g.Conditional}") + $" ({Describe(g)})")),
        UndecidedReason.MayBeDenied => "allowed, but a Deny may apply: " + string.Join("; ", ev.Denying.Select(s => subject.MayDo[s.Id]).Select(g =>
            (g.Condition is not null ? $"when {g.Condition} " : g.Conditional is not null ? $"if {g.Conditional} " : "") + $"({Describe(g)})")),
        _ => "depends on values known only at deploy: granted on " + string.Join(", ", ev.Allowing.Select(s => subject.MayDo[s.Id]).SelectMany(g => g.Resources.Select(r => r.Text)).Distinct()),
    };

    private static Source? Origin(Subject subject, Evaluation ev) =>
        ev.Reason == UndecidedReason.MayBeDenied && ev.Denying.Count > 0 ? subject.MayDo[ev.Denying[0].Id].Source
        : ev.Allowing.Count > 0 ? subject.MayDo[ev.Allowing[0].Id].Source : null;

    private static string Shorten(IReadOnlyList<string> actions) =>
        actions.Count <= UncoveredShown ? string.Join(", ", actions) : $"{string.Join(", ", actions.Take(UncoveredShown))} and {actions.Count - UncoveredShown} more";
}
