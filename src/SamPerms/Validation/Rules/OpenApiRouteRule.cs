using SamPerms.Model;
using SamPerms.Permissions;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A REST or HTTP API route through which API Gateway invokes a function (or, with a role, starts a state
/// machine), open to anyone who can reach the API:
/// no authorizer, IAM auth or API key on the route, no resource policy or private endpoint on the API. An info,
/// not a warning: public endpoints are often meant to be.
/// </summary>
public sealed class OpenApiRouteRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.OpenApiRouteRule];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Output is null)
        {
            return;
        }

        foreach (var e in context.OutputResources.Entries)
        {
            // A role API Gateway assumes to start a state machine (or call another service): its routes.
            if (e.Value is MapNode role && role.Get("Type")?.Str == "AWS::IAM::Role" && TrustsApiGateway(role)
                && ApiRoutes.ForRole(context.OutputResources, e.Key) is { } roleRoutes)
            {
                Report(context, findings, e.Key, roleRoutes, SamEvent.Describe(context, e.Key, "role"), $"call what role {e.Key} allows (API Gateway assumes it)");
                continue;
            }

            if (e.Value is not MapNode r || r.Get("Type")?.Str != "AWS::Lambda::Permission" || r.Get("Properties") is not MapNode p
                || p.Get("Principal") is not StringNode { Value: var principal } || !principal.StartsWith("apigateway.", StringComparison.Ordinal)
                || p.Get("SourceArn") is not { } sourceArn
                || ApiRoutes.For(context.OutputResources, context.OutputValues.Render(sourceArn).Text) is not { } routes)
            {
                continue;
            }

            Report(context, findings, e.Key, routes, SamEvent.Describe(context, e.Key, "Lambda permission"), "invoke the function");
        }
    }

    private static void Report(ValidationContext context, List<Diagnostic> findings, string resourceId, IReadOnlyList<ApiRoute> routes, string cause, string target)
    {
        var open = routes.Where(route => route.Access == ApiAccess.Open).Select(route => route.Route).ToList();
        if (open.Count == 0)
        {
            return;
        }

        var at = context.Locate(resourceId);
        var what = open.Count == 1 ? $"route {open[0]}" : $"routes {string.Join(", ", open)}";
        findings.Add(DiagnosticCatalog.OpenApiRouteRule.At(at.Span, $"{cause}: API {routes[0].Api} {what} has no authorization: anyone who can reach the API may {target}", at.Path));
    }

    private static bool TrustsApiGateway(MapNode role) =>
        (role.Get("Properties") as MapNode)?.Get("AssumeRolePolicyDocument") is { } trust
        && Contains(trust, "apigateway.amazonaws.com");

    private static bool Contains(Node node, string text) => node switch
    {
        StringNode s => s.Value == text,
        MapNode m => m.Entries.Any(e => e.Value is not null && Contains(e.Value, text)),
        SeqNode q => q.Any(x => Contains(x, text)),
        _ => false,
    };
}
