using SamPerms.Diagnostics;
using SamPerms.Permissions;

namespace SamPerms.Validation.Rules;

/// <summary>
/// A REST or HTTP API route through which API Gateway invokes a function (or, with a role, starts a state
/// machine), open to anyone who can reach the API: no authorizer, IAM auth or API key on the route, no resource
/// policy or private endpoint on the API. An info, not a warning: public endpoints are often meant to be. The
/// routes are the permission map's (each API Gateway permission's, and each role API Gateway assumes).
/// </summary>
public sealed class OpenApiRouteRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.OpenApiRouteDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.PermissionMap is not { } map)
        {
            return;
        }

        // A role may invoke several subjects: each permission or role once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in map.Subjects.SelectMany(s => s.InvokedBy).Concat(map.UnattachedInvokers))
        {
            if (i.ApiRoutes is not { Count: > 0 } routes || !seen.Add(i.ResourceId))
            {
                continue;
            }

            var open = routes.Where(route => route.Access == ApiAccess.Open).Select(route => route.Route).ToList();
            if (open.Count == 0)
            {
                continue;
            }

            var (noun, target) = i.Kind == InvokerKind.Role
                ? ("role", $"call what role {i.ResourceId} allows (API Gateway assumes it)")
                : ("Lambda permission", "invoke the function");
            var at = context.Locate(i.ResourceId);
            var what = open.Count == 1 ? $"route {open[0]}" : $"routes {string.Join(", ", open)}";
            findings.Add(DiagnosticCatalog.OpenApiRouteDescriptor.At(at.Span,
                $"{SamEvent.Describe(context, i.ResourceId, noun)}: API {routes[0].Api} {what} has no authorization: anyone who can reach the API may {target}", at.Path));
        }
    }
}
