using SamPerms.Iam;

namespace SamPerms.Permissions.Intent;

/// <summary>
/// The invoke side of the intent check: each declared invoker (a principal, perhaps limited to a source, or an
/// event source read by a mapping) must exist, and each invoker of the subject must be declared. An invoker
/// without a SourceArn accepts any source, so it meets a declared source but is wider than it.
/// </summary>
public sealed partial class IntentDiff
{
    private void CheckInvoke(Subject subject, IReadOnlyList<InvokeIntent> invokedBy)
    {
        foreach (var e in invokedBy)
        {
            if (e.EventSource is { } es)
            {
                CheckDeclaredPoller(subject, e, Text(es));
            }
            else
            {
                CheckDeclaredInvoker(subject, e);
            }
        }

        foreach (var i in subject.InvokedBy)
        {
            CheckGrantedInvoker(subject, i, invokedBy);
        }

        foreach (var p in subject.Pollers)
        {
            var declared = invokedBy.Where(e => e.EventSource is not null)
                .Select(e => SymbolicPattern.Covers(Canon(Text(e.EventSource!)), Canon(p.EventSourceArn.Text), ignoreCase: false))
                .DefaultIfEmpty(Certainty.No).Max();
            if (declared != Certainty.Yes)
            {
                Add(declared == Certainty.Maybe ? FindingKind.Unverifiable : FindingKind.Excess, subject, FindingSide.Invoke, null, null, null, p.EventSourceArn.Text,
                    declared == Certainty.Maybe ? "an event source mapping reads a source the intent may or may not name (values known at deploy)"
                                                : "an event source mapping invokes it from a source the intent does not declare",
                    p.Source, null);
            }
        }
    }

    private void CheckDeclaredPoller(Subject subject, InvokeIntent e, string source)
    {
        var best = subject.Pollers.Select(p => SymbolicPattern.Covers(Canon(source), Canon(p.EventSourceArn.Text), ignoreCase: false))
            .DefaultIfEmpty(Certainty.No).Max();
        if (best == Certainty.Yes)
        {
            return;
        }

        Add(best == Certainty.Maybe ? FindingKind.Unverifiable : FindingKind.Missing, subject, FindingSide.Invoke, null, null, null, source,
            best == Certainty.Maybe ? "an event source mapping may read it (values known at deploy)" : "no event source mapping reads it",
            null, e.Location);
    }

    private void CheckDeclaredInvoker(Subject subject, InvokeIntent e)
    {
        var principal = e.Principal!;
        var source = e.Source is { } s ? Text(s) : null;
        var account = e.SourceAccount is { } a ? Text(a) : null;
        var candidates = subject.InvokedBy.Where(i => PrincipalMatches(principal, i)).ToList();
        if (candidates.Count == 0)
        {
            Add(FindingKind.Missing, subject, FindingSide.Invoke, null, null, principal, source,
                $"nothing lets {principal} invoke it", null, e.Location);
            return;
        }

        var best = Certainty.No;
        Invoker? conditional = null;
        foreach (var i in candidates)
        {
            // An invoker without SourceArn (or SourceAccount) accepts the declared source too.
            var c = (source is null || i.SourceArn is null ? Certainty.Yes : SymbolicPattern.Covers(Canon(i.SourceArn.Value.Text), Canon(source), ignoreCase: false))
                .And(account is null || i.SourceAccount is null ? Certainty.Yes : SymbolicPattern.Covers(i.SourceAccount.Value.Text, account, ignoreCase: false));
            if (c == Certainty.Yes && i.Condition is not null)
            {
                conditional ??= i;
                c = Certainty.Maybe;
            }

            best = best.Or(c);
        }

        if (best == Certainty.Yes)
        {
            return;
        }

        var found = string.Join(", ", candidates.Select(i => i.SourceArn?.Text ?? "any source").Distinct());
        Add(best == Certainty.Maybe ? FindingKind.Unverifiable : FindingKind.Missing, subject, FindingSide.Invoke, null, null, principal, source,
            conditional is not null ? $"only if the template condition {conditional.Condition} holds ({conditional.ResourceId})"
            : best == Certainty.Maybe ? $"{principal} may invoke it from {found}; whether that is the declared source depends on values known at deploy"
            : $"{principal} may invoke it only from {found}",
            conditional?.Source, e.Location);
    }

    private void CheckGrantedInvoker(Subject subject, Invoker i, IReadOnlyList<InvokeIntent> invokedBy)
    {
        var best = Certainty.No;
        var sameprincipal = false;
        var declaring = new List<InvokeIntent>();
        foreach (var e in invokedBy.Where(e => e.Principal is not null && PrincipalMatches(e.Principal, i)))
        {
            sameprincipal = true;
            var source = e.Source is { } s ? Text(s) : null;
            var account = e.SourceAccount is { } a ? Text(a) : null;
            var c = (source is null ? Certainty.Yes : i.SourceArn is null ? Certainty.No : SymbolicPattern.Covers(Canon(source), Canon(i.SourceArn.Value.Text), ignoreCase: false))
                .And(account is null ? Certainty.Yes : i.SourceAccount is null ? Certainty.No : SymbolicPattern.Covers(account, i.SourceAccount.Value.Text, ignoreCase: false));
            best = best.Or(c);
            if (c == Certainty.Yes)
            {
                declaring.Add(e);
            }
        }

        if (best == Certainty.Yes)
        {
            // Declared; when every entry that declares it requires authorization, its routes and URL must have it.
            if (declaring.All(e => e.AuthorizationRequired))
            {
                CheckAuthorization(subject, i, declaring[0]);
            }

            return;
        }

        var via = i.Kind == InvokerKind.Role ? $" through role {i.ResourceId}" : "";
        var reason = best == Certainty.Maybe ? $"{i.Principal} may invoke it{via} from {i.SourceArn?.Text ?? "any source"}; whether the intent declares that source depends on values known at deploy"
            : !sameprincipal ? $"{i.Principal} may invoke it{via}, not declared"
            : i.SourceArn is null ? $"{i.Principal} may invoke it{via} from any source" + (i.SourceAccount is { } acct ? $" in account {acct.Text}" : "") + "; the intent declares a narrower source"
            : $"{i.Principal} may invoke it{via} from {i.SourceArn.Value.Text}, which the intent does not declare";
        Add(best == Certainty.Maybe ? FindingKind.Unverifiable : FindingKind.Excess, subject, FindingSide.Invoke, i.Action, null, i.Principal, i.SourceArn?.Text, reason, i.Source, null);
    }

    /// <summary>An invoker the intent declares with Authorization: required: open API routes and URLs are excess.</summary>
    private void CheckAuthorization(Subject subject, Invoker i, InvokeIntent declared)
    {
        if (i.FunctionUrlAuthType == "NONE")
        {
            Add(FindingKind.Excess, subject, FindingSide.Invoke, i.Action, null, i.Principal, "function URL",
                "the function URL has AuthType NONE: anyone on the internet may call it; the intent requires authorization", i.Source, declared.Location);
        }

        foreach (var route in i.ApiRoutes ?? [])
        {
            switch (route.Access)
            {
                case ApiAccess.Open:
                    Add(FindingKind.Excess, subject, FindingSide.Invoke, i.Action, null, i.Principal, $"{route.Api} {route.Route}",
                        $"API route {route.Route} of {route.Api} has no authorization: anyone who can reach the API may call it; the intent requires authorization", i.Source, declared.Location);
                    break;
                case ApiAccess.Restricted or ApiAccess.Unknown:
                    var why = route.Access == ApiAccess.Restricted
                        ? $"API route {route.Route} of {route.Api} has no authorization of its own; {string.Join("; ", route.Notes)}"
                        : $"whether API route {route.Route} of {route.Api} authorizes its callers is not known here: {string.Join("; ", route.Notes)}";
                    Add(FindingKind.Unverifiable, subject, FindingSide.Invoke, i.Action, null, i.Principal, $"{route.Api} {route.Route}", why, i.Source, declared.Location);
                    break;
            }
        }
    }

    /// <summary>A declared principal (wildcards allowed) against an invoker's; a role invoker may trust several.</summary>
    private static bool PrincipalMatches(string declared, Invoker i) =>
        i.Principal.Split(", ").Any(p => Wildcard.Matches(declared, p, ignoreCase: true));
}
