using SamPerms.Model;
using SamPerms.Permissions;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A REST or HTTP API route through which API Gateway invokes a function, open to anyone who can reach the API:
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
            if (e.Value is not MapNode r || r.Get("Type")?.Str != "AWS::Lambda::Permission" || r.Get("Properties") is not MapNode p
                || p.Get("Principal") is not StringNode { Value: var principal } || !principal.StartsWith("apigateway.", StringComparison.Ordinal)
                || p.Get("SourceArn") is not { } sourceArn
                || ApiRoutes.For(context.OutputResources, context.OutputValues.Render(sourceArn).Text) is not { } routes)
            {
                continue;
            }

            var open = routes.Where(route => route.Access == ApiAccess.Open).Select(route => route.Route).ToList();
            if (open.Count == 0)
            {
                continue;
            }

            var cause = SamEvent.Of(context, e.Key) is { } ev ? ev.ToString()
                : context.GeneratedFrom(e.Key) is { } sam ? $"Lambda permission {e.Key} (generated from {sam})"
                : $"Lambda permission {e.Key}";
            var at = context.Locate(e.Key);
            var what = open.Count == 1 ? $"route {open[0]}" : $"routes {string.Join(", ", open)}";
            findings.Add(DiagnosticCatalog.OpenApiRouteRule.At(at.Span, $"{cause}: API {routes[0].Api} {what} has no authorization: anyone who can reach the API may invoke the function", at.Path));
        }
    }
}
