using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Permissions;

/// <summary>
/// Invokers that hold their right in an identity policy rather than in the subject's resource policy: every
/// AWS::IAM::Role of the template whose statements allow invoking the subject (lambda:InvokeFunction on a
/// function, states:StartExecution on a state machine). The principal is whoever the role trusts; the resources
/// that use the role (an EventBridge rule, a schedule, an API integration) say where calls come from. This is how
/// SAM wires Schedule and EventBridge events to state machines, and how a state machine reaches its functions.
/// </summary>
internal sealed class RoleInvokers
{
    private readonly AnalysisContext _ctx;
    private static readonly string[] FunctionActions = ["lambda:InvokeFunction"];
    private static readonly string[] StateMachineActions = ["states:StartExecution", "states:StartSyncExecution"];

    private readonly List<(string RoleId, List<Grant> Grants, List<Statement> Statements, string Trusted, IReadOnlyList<string> UsedBy)> _roles = [];

    // The roles with an Allow that may name a function's (a state machine's) invoke action, by the resources those
    // Allows name: the only ones For looks at, so that the map does not compare every role with every subject.
    private readonly RolesByResource _mayInvokeFunctions = new();
    private readonly RolesByResource _mayStartStateMachines = new();
    private Dictionary<string, List<ApiRoute>>? _apiRoutesByRole;

    public RoleInvokers(AnalysisContext ctx)
    {
        _ctx = ctx;
        foreach (var e in ctx.Resources.Entries)
        {
            if (e.Value is MapNode r && r.Get("Type")?.Str == "AWS::IAM::Role")
            {
                var grants = new RoleGrants(ctx, ctx.OriginOf(e.Key).LogicalId).ForRole(e.Key);
                var statements = GrantStatements.Of(grants);
                _mayInvokeFunctions.Add(_roles.Count, statements.Where(s => MayAllow(s, FunctionActions)));
                _mayStartStateMachines.Add(_roles.Count, statements.Where(s => MayAllow(s, StateMachineActions)));

                _roles.Add((e.Key, grants, statements, Trusted(e.Key, r), ctx.Index.MentionedBy(e.Key)));
            }
        }
    }

    private static bool MayAllow(Statement s, string[] actions) =>
        s.IsAllow && actions.Any(a => s.CoversAction(a) != Certainty.No);

    public IEnumerable<Invoker> For(string logicalId, SubjectKind kind)
    {
        var arn = _ctx.Values.RequestArn(logicalId);
        if (arn is null)
        {
            yield break;
        }

        var actions = kind == SubjectKind.Function ? FunctionActions : StateMachineActions;
        foreach (var index in (kind == SubjectKind.Function ? _mayInvokeFunctions : _mayStartStateMachines).Reaching(arn))
        {
            var (roleId, grants, statements, trusted, usedBy) = _roles[index];
            foreach (var action in actions)
            {
                if (Allowing(statements, action, arn) is not { } allow)
                {
                    continue;
                }

                var grant = grants[allow.Id];
                var resource = (grant.NotResource ? "all resources except " : "") + string.Join(", ", grant.Resources.Select(r => r.Text));
                var user = usedBy.FirstOrDefault();
                yield return new Invoker(
                    trusted,
                    action,
                    user is null ? null : _ctx.Values.Render(UserArn(user)),
                    null,
                    null,
                    resource,
                    roleId,
                    _ctx.Resource(roleId)?.Get("Condition")?.Str,
                    grant.Source with { Description = $"role {roleId}: {grant.Source.Description}" },
                    InvokerKind.Role,
                    usedBy,
                    ApiRoutes: trusted.Contains("apigateway.", StringComparison.Ordinal) ? ApiRoutesOf(roleId) : null);
                break;
            }
        }
    }

    /// <summary>The routes of the template's APIs that call with the role's credentials; null for none.</summary>
    private IReadOnlyList<ApiRoute>? ApiRoutesOf(string roleId) =>
        (_apiRoutesByRole ??= ApiRoutes.ByCredentials(_ctx.Resources)).GetValueOrDefault(roleId);

    /// <summary>An Allow of the role that reaches the subject (itself, or a qualified alias or version), unless a Deny covers it all.</summary>
    private static Statement? Allowing(List<Statement> statements, string action, string arn)
    {
        foreach (var target in new[] { arn, arn + ":*" })
        {
            if (statements.Any(s => !s.IsAllow && !s.IsConditional && s.Covers(action, target) == Certainty.Yes))
            {
                return null;
            }
        }

        return statements.FirstOrDefault(s => s.IsAllow && s.CoversAction(action) != Certainty.No
            && (s.CoversResource(arn) != Certainty.No || s.TouchesResource(Qualified(arn)) != Certainty.No));
    }

    /// <summary>
    /// Roles by the Allows that may name one kind's invoke action, indexed by the template resources their resource
    /// patterns name (<see cref="SymbolicPattern.ResourcesOfExact"/>): an Allow whose every pattern is exact and
    /// names only other resources than the subject's ARN neither covers nor touches it (nor a qualified ARN). For
    /// compares a subject only with the roles that have another Allow: comparing every such role with every subject
    /// made the map quadratic (400 state machines, each behind an API with a role of its own: 2 s; 1,600: 37 s).
    /// </summary>
    private sealed class RolesByResource
    {
        private readonly List<int> _always = []; // roles with an Allow that is not indexed
        private readonly Dictionary<string, List<int>> _byResource = new(StringComparer.Ordinal);
        private readonly List<int> _all = [];

        public void Add(int role, IEnumerable<Statement> allows)
        {
            var statements = allows.ToList();
            if (statements.Count == 0)
            {
                return;
            }

            _all.Add(role);
            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var statement in statements)
            {
                if (ResourcesNamed(statement) is not { } resources)
                {
                    _always.Add(role);
                    return;
                }

                named.UnionWith(resources);
            }

            foreach (var resource in named)
            {
                if (!_byResource.TryGetValue(resource, out var roles))
                {
                    _byResource[resource] = roles = [];
                }

                roles.Add(role);
            }
        }

        /// <summary>The template resources an Allow names when every pattern of it is exact; null otherwise (it may reach anything).</summary>
        private static IEnumerable<string>? ResourcesNamed(Statement statement)
        {
            if (statement.NotResource || statement.Resources.Count == 0)
            {
                return null;
            }

            var named = new List<string>();
            foreach (var value in statement.Resources)
            {
                if (SymbolicPattern.ResourcesOfExact(value.Canonical) is not { } resources)
                {
                    return null;
                }

                named.AddRange(resources);
            }

            return named;
        }

        /// <summary>The roles (ascending, each once) with an Allow that may reach <paramref name="arn"/>.</summary>
        public IEnumerable<int> Reaching(string arn)
        {
            if (SymbolicPattern.ResourcesOfExact(arn) is not { } subject)
            {
                return _all;
            }

            var roles = new List<int>(_always);
            foreach (var resource in subject)
            {
                if (_byResource.TryGetValue(resource, out var named))
                {
                    roles.AddRange(named);
                }
            }

            roles.Sort();
            return roles.Distinct();
        }
    }

    /// <summary>The subject's qualified ARNs (an alias or version: one more segment, without a colon).</summary>
    private static string Qualified(string arn) => arn + ":" + ArnWildcards.SegmentStar;

    /// <summary>The principals a role's trust policy lets assume it, e.g. "events.amazonaws.com" (the one trust model).</summary>
    private string Trusted(string roleId, MapNode role)
    {
        var principals = Trust.RoleTrustReader.Principals(_ctx, roleId, role)
            .Where(p => p.IsAllow && !p.Except)
            .Select(p => p.Type == "Service" ? p.Value : $"{p.Type}:{p.Value}")
            .Distinct()
            .ToList();
        return principals.Count == 0 ? "unknown (no trust policy)" : string.Join(", ", principals);
    }

    private MapNode UserArn(string user) => _ctx.TypeOf(user) switch
    {
        "AWS::StepFunctions::StateMachine" or "AWS::Lambda::Alias" or "AWS::SNS::Topic" => N.Ref(user),
        _ => N.GetAtt(user, "Arn"),
    };
}
