using SamPerms.Data;
using SamPerms.Iam;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Permissions;

/// <summary>
/// The role of a function or state machine and every statement that applies to it: its managed policies
/// (AWS managed ones expanded to their documents, customer ones shown as opaque), its inline policies, and
/// AWS::IAM::Policy / AWS::IAM::ManagedPolicy resources of the template attached to it — each attributed
/// to the template property that caused it.
/// </summary>
internal sealed class RoleGrants(AnalysisContext ctx, string samLogicalId)
{
    /// <summary>The role a function's Role (a state machine's RoleArn) names (<see cref="ForRole"/> reads its statements).</summary>
    public RoleInfo RoleOf(Node? roleProperty)
    {
        if (roleProperty is null)
        {
            return new RoleInfo(RoleKind.Unknown, null, "none");
        }

        var roleId = ctx.ReferencedResource(roleProperty);
        if (roleId is not null && ctx.TypeOf(roleId) == "AWS::IAM::Role")
        {
            var generated = ctx.OriginOf(roleId).LogicalId == samLogicalId && roleId != samLogicalId;
            return new RoleInfo(generated ? RoleKind.Generated : RoleKind.Template, roleId, roleId);
        }

        if (ctx.Values.Render(roleProperty) is { Exact: true } arn && RoleNamed(arn.Text) is { } named)
        {
            // An ARN naming a role of this template (its RoleName is set literally).
            return new RoleInfo(RoleKind.Template, named, named);
        }

        if (Intrinsics.IsIf(roleProperty))
        {
            return new RoleInfo(RoleKind.Unknown, null, "unknown: the role depends on a condition (" + ctx.Values.Render(roleProperty).Text + ")");
        }

        var rendered = ctx.Values.Render(roleProperty);
        return new RoleInfo(RoleKind.External, null, "unknown: external role " + rendered.Text);
    }

    /// <summary>The statements of a role of the template, whatever uses it.</summary>
    public List<Grant> ForRole(string roleId)
    {
        var grants = new List<Grant>();
        Collect(roleId, grants);
        return grants;
    }

    private string? RoleNamed(string arn)
    {
        foreach (var roleId in ctx.Index.OfType("AWS::IAM::Role"))
        {
            if (ctx.Properties(roleId)?.Get("RoleName") is { } name && ctx.Values.Render(name) is { Exact: true } n
                && (arn == n.Text || arn.EndsWith(":role/" + n.Text, StringComparison.Ordinal)))
            {
                return roleId;
            }
        }

        return null;
    }

    /// <summary>The role's grants as seen from this SAM resource: collected once per analysis (the map reads every role for its invokers, then each subject's role again).</summary>
    private void Collect(string roleId, List<Grant> grants)
    {
        if (!ctx.CollectedGrants.TryGetValue((roleId, samLogicalId), out var collected))
        {
            collected = [];
            CollectOnce(roleId, collected);
            ctx.CollectedGrants[(roleId, samLogicalId)] = collected;
        }

        grants.AddRange(collected);
    }

    private void CollectOnce(string roleId, List<Grant> grants)
    {
        var props = ctx.Properties(roleId) ?? new MapNode();
        var generatedBySam = ctx.OriginOf(roleId).LogicalId == samLogicalId && roleId != samLogicalId;
        foreach (var (arnNode, cond) in Items(props.Get("ManagedPolicyArns")))
        {
            AddManaged(roleId, arnNode, cond, generatedBySam, grants);
        }

        foreach (var (policy, cond) in Items(props.Get("Policies")))
        {
            if (policy is not MapNode p)
            {
                continue;
            }

            var name = ctx.Values.Render(p.Get("PolicyName")).Text;
            var (source, template) = Attribute(roleId, p, name, generatedBySam);
            var kind = template is not null ? GrantKind.PolicyTemplate
                : generatedBySam && !source.PropertyPath.StartsWith("Policies", StringComparison.Ordinal) ? GrantKind.SamGenerated
                : GrantKind.InlinePolicy;
            AddStatements(p.Get("PolicyDocument"), kind, name, cond, source, grants, template: template);
        }

        // Policies attached from elsewhere in the template (connectors, hand-written AWS::IAM::Policy).
        foreach (var policyId in ctx.Index.PoliciesOf(roleId))
        {
            var rp = ctx.Properties(policyId)!;
            var origin = ctx.OriginOf(policyId);
            var kind = ctx.TypeOf(origin.LogicalId) is null && ctx.InputResources.Get(origin.LogicalId) is MapNode ir && ir.Get("Type")?.Str == "AWS::Serverless::Connector"
                || origin.PropertyPath.StartsWith("Connectors", StringComparison.Ordinal) ? GrantKind.Connector : GrantKind.InlinePolicy;
            var name = rp.Get("PolicyName") is { } pn ? ctx.Values.Render(pn).Text : policyId;
            AddStatements(rp.Get("PolicyDocument"), kind, name, null, Source.From(origin, kind == GrantKind.Connector ? "connector " + origin.LogicalId : "policy " + policyId), grants);
        }
    }

    private void AddManaged(string roleId, Node arnNode, string? cond, bool generatedBySam, List<Grant> grants)
    {
        // A managed policy defined in this template: its document is known.
        if (ctx.ReferencedResource(arnNode) is { } policyId && ctx.TypeOf(policyId) == "AWS::IAM::ManagedPolicy")
        {
            var origin = ctx.OriginOf(policyId);
            AddStatements(ctx.Properties(policyId)?.Get("PolicyDocument"), GrantKind.CustomerManagedPolicy, policyId, cond, Source.From(origin, "managed policy " + policyId), grants, managedArn: "${" + policyId + "}");
            return;
        }

        var arn = ctx.Values.Render(arnNode).Text;
        var source = AttributeManaged(roleId, arnNode, arn, generatedBySam);
        var policy = ctx.ManagedPolicy(arn);
        if (policy is null)
        {
            grants.Add(Grant.OpaqueManaged(arn, cond, source));
            return;
        }

        var kind = source.Description.StartsWith("SAM", StringComparison.Ordinal) ? GrantKind.SamGenerated : GrantKind.AwsManagedPolicy;
        AddStatements(policy.Document, kind, policy.Name, cond, source, grants, managedArn: arn);
    }

    private void AddStatements(Node? document, GrantKind kind, string policyName, string? cond, Source source, List<Grant> grants, string? managedArn = null, PolicyTemplateUse? template = null)
    {
        foreach (var st in StatementReader.Read(document, ctx.Values, cond))
        {
            grants.Add(new Grant(st, kind, policyName, source, managedArn, template));
        }
    }

    /// <summary>Items of a list property, following Fn::If (decided, or both branches when not).</summary>
    private IEnumerable<(Node Item, string? Conditional)> Items(Node? list)
    {
        if (list is null)
        {
            yield break;
        }

        foreach (var (value, cond) in StatementReader.Branches(list, ctx.Values, null))
        {
            if (value is not SeqNode s)
            {
                continue;
            }

            foreach (var item in s.Items)
            {
                foreach (var b in StatementReader.Branches(item, ctx.Values, cond))
                {
                    yield return b;
                }
            }
        }
    }

    /// <summary>Where an inline policy of the role comes from, and the policy template it expands (if any).</summary>
    private (Source Source, PolicyTemplateUse? Template) Attribute(string roleId, MapNode policy, string name, bool generatedBySam)
    {
        if (!generatedBySam)
        {
            return (ctx.Locate(roleId, policy, "inline policy " + name), null);
        }

        // <Role>Policy<N> is the N-th entry of the SAM resource's Policies.
        var prefix = roleId + "Policy";
        if (name.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(name.AsSpan(prefix.Length), out var index)
            && ctx.InputResources.Get(samLogicalId) is MapNode input && (input.Get("Properties") as MapNode)?.Get("Policies") is { } policies)
        {
            var entry = policies is SeqNode list ? (index < list.Count ? list[index] : null) : index == 0 ? policies : null;
            if (entry is not null)
            {
                var path = policies is SeqNode ? $"Policies[{index}]" : "Policies";
                var template = TemplateUse(entry);
                return (new Source(samLogicalId, path, entry.Span, template is null ? "inline policy" : $"policy template {template.Name}"), template);
            }
        }

        var located = ctx.Locate(samLogicalId, policy.Get("PolicyDocument") ?? policy, "SAM policy " + name);
        var roleOrigin = ctx.OriginOf(roleId);
        if (located.PropertyPath.Length == 0 && roleOrigin.PropertyPath.Length > 0 && !roleOrigin.PropertyPath.StartsWith("Policies", StringComparison.Ordinal))
        {
            // A role SAM made for one property (an event's role): the policy is that property's.
            located = Source.From(roleOrigin, located.Description);
        }

        return (located with { Description = located.PropertyPath.Length > 0 ? $"SAM policy {name} for {located.PropertyPath}" : $"SAM policy {name}" }, null);
    }

    /// <summary>The policy template a Policies entry uses, with its parameters rendered.</summary>
    private PolicyTemplateUse? TemplateUse(Node entry)
    {
        if (ResourcePolicies.IsKnownTemplate(entry, out var name, out var values))
        {
            var parameters = new List<KeyValuePair<string, Rendered>>();
            if (values is MapNode ps)
            {
                foreach (var p in ps.Entries)
                {
                    parameters.Add(new(p.Key, ctx.Values.Render(p.Value)));
                }
            }

            return new PolicyTemplateUse(name, parameters);
        }

        if (Intrinsics.IfArgs(entry) is { } args)
        {
            return TemplateUse(args[1]) ?? TemplateUse(args[2]);
        }

        return null;
    }

    /// <summary>Where a managed policy of the role comes from: a Policies entry, or a property SAM adds one for.</summary>
    private Source AttributeManaged(string roleId, Node arnNode, string arn, bool generatedBySam)
    {
        if (!generatedBySam)
        {
            return ctx.Locate(roleId, arnNode, "managed policy " + arn[(arn.LastIndexOf('/') + 1)..]);
        }

        var located = ctx.Locate(samLogicalId, arnNode, "managed policy " + arn[(arn.LastIndexOf('/') + 1)..]);
        if (located.PropertyPath.Length > 0)
        {
            return located;
        }

        var name = arn[(arn.LastIndexOf('/') + 1)..];
        var (property, why) = PollerOf(name) is { } poller ? poller : name switch
        {
            "AWSLambdaBasicExecutionRole" or "AWSLambdaBasicDurableExecutionRolePolicy" => ("", "SAM: every function may write its logs"),
            "AWSXrayWriteOnlyAccess" or "AWSXRayDaemonWriteAccess" => ("Tracing", "SAM: Tracing is on"),
            "AWSLambdaVPCAccessExecutionRole" => ("VpcConfig", "SAM: the function runs in a VPC"),
            _ => ("", "SAM: managed policy " + name),
        };
        var origin = ctx.OriginOf(samLogicalId);
        var span = property.Length > 0 && ctx.InputProperty(samLogicalId, property.Split('.')[0]) is { } p ? EventSpan(p, property) : origin.Span;
        return new Source(samLogicalId, property, span, why);
    }

    /// <summary>
    /// The polled event whose poller SAM gave the managed policy <paramref name="policyName"/> (the first the template
    /// declares), as the event's origin records it: its property and why the role has the policy.
    /// </summary>
    private (string Property, string Why)? PollerOf(string policyName)
    {
        var polled = ctx.Index.PolledEventsOf(samLogicalId);
        OriginEvent? match = null;
        foreach (var ev in polled)
        {
            if (ev.Poller?.ManagedPolicy is { } managed && managed[(managed.LastIndexOf('/') + 1)..] == policyName)
            {
                match = ev;
                break;
            }
        }

        if (match is null)
        {
            return null;
        }

        var property = "";
        if (ctx.InputResources.Get(samLogicalId) is MapNode input && (input.Get("Properties") as MapNode)?.Get("Events") is MapNode events)
        {
            foreach (var e in events.Entries)
            {
                if (polled.Any(ev => ev.Name == e.Key && ev.Poller!.ManagedPolicy == match.Poller!.ManagedPolicy))
                {
                    property = "Events." + e.Key;
                    break;
                }
            }
        }

        return (property, $"SAM: the {match.Type} poller reads the {match.Poller!.Reads}");
    }

    private static Text.SourceSpan EventSpan(Node property, string path)
    {
        var parts = path.Split('.');
        return parts.Length == 2 && property is MapNode m && m.Get(parts[1]) is { } e ? e.Span : property.Span;
    }
}
