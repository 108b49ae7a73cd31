using SamPerms.Model;
using SamPerms.Permissions;

namespace SamPerms.Output;

/// <summary>
/// The permission map as JSON (schemas/permissions.schema.json): per function and state machine its role, who may
/// invoke it, the pollers that invoke it with its role, and every statement its role holds, each with its origin.
/// </summary>
public static class PermissionsJson
{
    public const int FormatVersion = 1;

    public static MapNode Build(PermissionMap map, string file, string region, string partition)
    {
        var subjects = new SeqNode();
        foreach (var s in map.Subjects)
        {
            subjects.Add(ResourcePolicyJson.Add(BoundaryJson.Add(Subject(s), s, map.Values), map, s));
        }

        var result = N.Map(
            ("version", FormatVersion),
            ("template", file),
            ("region", region),
            ("partition", partition),
            ("subjects", subjects),
            ("unattachedInvokers", N.Seq(map.UnattachedInvokers.Select(Invoker))),
            ("roles", N.Seq(map.Roles.Select(TrustJson.Role))));
        if (ResourcePolicyJson.Notes(map) is { } notes)
        {
            result.Set("notes", notes);
        }

        return result;
    }

    public static string Write(PermissionMap map, string file, string region, string partition) =>
        JsonText.Pretty(Build(map, file, region, partition));

    private static MapNode Subject(Subject s)
    {
        var subject = SubjectFields(s);
        if (s.TemplateCondition is { } condition)
        {
            subject.Set("templateCondition", condition);
            subject.Set("conditionValue", s.ConditionValue is { } v ? BoolNode.Of(v) : NullNode.Instance);
            subject.Set("deployed", BoolNode.Of(s.Deployed));
        }

        return subject;
    }

    private static MapNode SubjectFields(Subject s) => N.Map(
        ("id", s.LogicalId),
        ("samId", s.SamLogicalId),
        ("kind", s.Kind == SubjectKind.Function ? "function" : "stateMachine"),
        ("origin", Origin(s.Source)),
        ("role", N.Map(
            ("kind", RoleKindName(s.Role.Kind)),
            ("logicalId", Nullable(s.Role.LogicalId)),
            ("display", s.Role.Display))),
        ("invokedBy", N.Seq(s.InvokedBy.Select(Invoker))),
        ("pollers", N.Seq(s.Pollers.Select(p => (Node)N.Map(
            ("eventSourceArn", p.EventSourceArn.Text),
            ("mapping", p.MappingLogicalId),
            ("origin", Origin(p.Source)))))),
        ("mayDo", N.Seq(s.MayDo.Select(Grant))));

    public static MapNode Invoker(Invoker i) => N.Map(
        ("kind", i.Kind == InvokerKind.Role ? "role" : "permission"),
        ("principal", i.Principal),
        ("action", i.Action),
        ("sourceArn", Nullable(i.SourceArn?.Text)),
        ("sourceAccount", Nullable(i.SourceAccount?.Text)),
        ("functionUrlAuthType", Nullable(i.FunctionUrlAuthType)),
        ("invokedViaFunctionUrl", i.InvokedViaFunctionUrl),
        ("apiRoutes", i.ApiRoutes is null ? NullNode.Instance : N.Seq(i.ApiRoutes.Select(ApiRoute))),
        ("target", i.Qualifier),
        ("resource", i.ResourceId),
        ("usedBy", i.UsedBy is null ? NullNode.Instance : N.Strings(i.UsedBy)),
        ("templateCondition", Nullable(i.Condition)),
        ("origin", Origin(i.Source)));

    public static MapNode ApiRoute(ApiRoute r) => N.Map(
        ("api", r.Api),
        ("method", r.Method),
        ("path", r.Path),
        ("access", Permissions.ApiRoute.AccessName(r.Access)),
        ("requires", N.Strings(r.Requires)),
        ("notes", N.Strings(r.Notes)));

    public static MapNode Grant(Grant g)
    {
        var policy = N.Map(("kind", GrantKindName(g.Kind)), ("name", g.PolicyName), ("arn", Nullable(g.ManagedPolicyArn)));
        if (g.Template is { } t)
        {
            var parameters = new MapNode();
            foreach (var p in t.Parameters)
            {
                parameters.Set(p.Key, p.Value.Text);
            }

            policy.Set("template", N.Map(("name", t.Name), ("parameters", parameters)));
        }

        return N.Map(
            ("effect", g.Effect),
            (g.NotAction ? "notActions" : "actions", N.Strings(g.Actions)),
            (g.NotResource ? "notResources" : "resources", N.Strings(g.Resources.Select(r => r.Text))),
            ("condition", g.Condition?.Clone() ?? NullNode.Instance),
            ("templateCondition", Nullable(g.Conditional)),
            ("opaque", g.Opaque),
            ("policy", policy),
            ("origin", Origin(g.Source)));
    }

    public static MapNode Origin(Source s)
    {
        var origin = N.Map(
            ("logicalId", s.LogicalId),
            ("path", s.PropertyPath),
            ("description", s.Description),
            ("line", s.Span.IsKnown ? s.Span.Line : NullNode.Instance),
            ("column", s.Span.IsKnown ? s.Span.Column : NullNode.Instance));
        if (s.FromGlobals)
        {
            origin.Set("fromGlobals", BoolNode.True);
        }

        return origin;
    }

    public static Node Nullable(string? value) => value is null ? NullNode.Instance : new StringNode(value);

    public static string RoleKindName(RoleKind kind) => kind switch
    {
        RoleKind.Generated => "generated",
        RoleKind.Template => "template",
        RoleKind.External => "external",
        _ => "unknown",
    };

    public static string GrantKindName(GrantKind kind) => kind switch
    {
        GrantKind.AwsManagedPolicy => "awsManagedPolicy",
        GrantKind.CustomerManagedPolicy => "customerManagedPolicy",
        GrantKind.PolicyTemplate => "policyTemplate",
        GrantKind.InlinePolicy => "inlinePolicy",
        GrantKind.SamGenerated => "samGenerated",
        _ => "connector",
    };
}
