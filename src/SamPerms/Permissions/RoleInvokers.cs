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
    private readonly List<(string RoleId, List<Grant> Grants, List<Statement> Statements, string Trusted, List<string> UsedBy)> _roles = [];

    public RoleInvokers(AnalysisContext ctx)
    {
        _ctx = ctx;
        foreach (var e in ctx.Resources.Entries)
        {
            if (e.Value is MapNode r && r.Get("Type")?.Str == "AWS::IAM::Role")
            {
                var grants = new RoleGrants(ctx, ctx.OriginOf(e.Key).LogicalId).ForRole(e.Key);
                _roles.Add((e.Key, grants, GrantStatements.Of(grants), Trusted(r), UsersOf(e.Key)));
            }
        }
    }

    public IEnumerable<Invoker> For(string logicalId, SubjectKind kind)
    {
        var arn = _ctx.Values.CanonicalArn(logicalId);
        if (arn is null)
        {
            yield break;
        }

        string[] actions = kind == SubjectKind.Function ? ["lambda:InvokeFunction"] : ["states:StartExecution", "states:StartSyncExecution"];
        foreach (var (roleId, grants, statements, trusted, usedBy) in _roles)
        {
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
                    ApiRoutes: trusted.Contains("apigateway.", StringComparison.Ordinal) ? ApiRoutes.ForRole(_ctx.Resources, roleId) : null);
                break;
            }
        }
    }

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
            && (s.CoversResource(arn) != Certainty.No || s.TouchesResource(arn + ":*") != Certainty.No));
    }

    /// <summary>The principals a role's trust policy lets assume it, e.g. "events.amazonaws.com".</summary>
    private string Trusted(MapNode role)
    {
        var principals = new List<string>();
        var doc = (role.Get("Properties") as MapNode)?.Get("AssumeRolePolicyDocument");
        foreach (var st in StatementReader.Read(doc, _ctx.Values))
        {
            if (!st.IsAllow || st.NotPrincipal || st.Principal is not { } principal)
            {
                continue;
            }

            if (principal is MapNode m && !Intrinsics.IsIntrinsic(m))
            {
                foreach (var entry in m.Entries)
                {
                    foreach (var value in StatementReader.Values(entry.Value, _ctx.Values, canonical: false))
                    {
                        principals.Add(entry.Key == "Service" ? value.Text : $"{entry.Key}:{value.Text}");
                    }
                }
            }
            else
            {
                principals.Add(_ctx.Values.Render(principal).Text);
            }
        }

        return principals.Count == 0 ? "unknown (no trust policy)" : string.Join(", ", principals.Distinct());
    }

    /// <summary>Resources that pass the role to a service (rules, schedules, integrations), not policies attached to it.</summary>
    private List<string> UsersOf(string roleId)
    {
        var users = new List<string>();
        foreach (var e in _ctx.Resources.Entries)
        {
            if (e.Key == roleId || e.Value is not MapNode r || r.Get("Type")?.Str is "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" or "AWS::IAM::InstanceProfile")
            {
                continue;
            }

            if (r.Get("Properties") is { } props && Mentions(props, roleId))
            {
                users.Add(e.Key);
            }
        }

        return users;
    }

    private MapNode UserArn(string user) => _ctx.TypeOf(user) switch
    {
        "AWS::StepFunctions::StateMachine" or "AWS::Lambda::Alias" or "AWS::SNS::Topic" => N.Ref(user),
        _ => N.GetAtt(user, "Arn"),
    };

    private static bool Mentions(Node node, string logicalId) => node switch
    {
        MapNode m when Intrinsics.LogicalIdOf(m) == logicalId => true,
        MapNode m => m.Values.Any(v => Mentions(v, logicalId)),
        SeqNode s => s.Items.Any(v => Mentions(v, logicalId)),
        _ => false,
    } || (node is MapNode sub && Intrinsics.IsSub(sub) && sub.ToString().Contains("${" + logicalId + ".", StringComparison.Ordinal));
}
