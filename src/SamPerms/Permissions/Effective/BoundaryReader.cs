using SamPerms.Iam;
using SamPerms.Data;
using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>
/// Reads the PermissionsBoundary of a role of the (transformed) template: SAM copies a function's or state
/// machine's PermissionsBoundary (its own or from Globals) onto the role it generates; a hand-written
/// AWS::IAM::Role carries its own. The document comes from the managed policy table or from an
/// AWS::IAM::ManagedPolicy of the template; anything else is unknown before deploy.
/// </summary>
internal static class BoundaryReader
{
    public static PermissionBoundary? Of(AnalysisContext ctx, string? roleId, string samLogicalId)
    {
        if (roleId is null || ctx.Properties(roleId)?.Get("PermissionsBoundary") is not { } node)
        {
            return null;
        }

        var owner = ctx.OriginOf(roleId).LogicalId == samLogicalId && roleId != samLogicalId ? samLogicalId : roleId;
        var rendered = ctx.Values.Render(node);
        var name = rendered.Text[(rendered.Text.LastIndexOf('/') + 1)..];
        var source = Locate(ctx, owner, node, "permission boundary");
        if (ctx.ReferencedResource(node) is { } policyId && ctx.TypeOf(policyId) == "AWS::IAM::ManagedPolicy")
        {
            var doc = ctx.Properties(policyId)?.Get("PolicyDocument");
            return new PermissionBoundary(policyId, Statements(ctx, doc, policyId, source), source with { Description = "permission boundary " + policyId });
        }

        if (rendered.Exact && ctx.ManagedPolicy(rendered.Text) is { } managed)
        {
            return new PermissionBoundary(managed.Name, Statements(ctx, managed.Document, managed.Name, source), source with { Description = "permission boundary " + managed.Name });
        }

        return new PermissionBoundary(rendered.Text, null, source with { Description = "permission boundary " + rendered.Text });
    }

    private static List<Grant> Statements(AnalysisContext ctx, Node? document, string name, Source source) =>
        StatementReader.Read(document, ctx.Values)
            .Select(st => new Grant(st, GrantKind.CustomerManagedPolicy, name, source))
            .ToList();

    /// <summary>The boundary's place in the template: the SAM resource's property, its Globals entry, or the role's.</summary>
    private static Source Locate(AnalysisContext ctx, string owner, Node node, string description)
    {
        var located = ctx.Locate(owner, node, description);
        if (located.PropertyPath.Length > 0 || !node.Span.IsKnown)
        {
            return located;
        }

        // Copied from Globals: the span is the Globals entry's.
        return new Source(located.LogicalId, "PermissionsBoundary (Globals)", node.Span, description);
    }
}
