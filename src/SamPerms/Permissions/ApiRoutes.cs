using SamPerms.Iam;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Permissions;

/// <summary>
/// Reads the routes a SourceArn of principal apigateway.amazonaws.com designates from the API's definition in
/// the transformed template: each operation's security (else the definition's), the schemes it names, the API's
/// resource policy and endpoint type; for a WebSocket API, its $connect route. Authorizer permissions
/// (…/authorizers/*) give none.
/// </summary>
public static class ApiRoutes
{
    private const string AnyMethod = ApiGatewayKeys.AnyMethod;

    private static readonly HashSet<string> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        "get", "put", "post", "delete", "options", "head", "patch", "trace", AnyMethod,
    };

    /// <summary>The routes of <paramref name="sourceArn"/> (rendered), or null when it names no REST or HTTP API route of the template.</summary>
    public static IReadOnlyList<ApiRoute>? For(MapNode resources, string sourceArn) => For(resources, sourceArn, null);

    /// <summary>As <see cref="For(MapNode, string)"/>, looking paths up in <paramref name="index"/> (kept for the whole template).</summary>
    internal static IReadOnlyList<ApiRoute>? For(MapNode resources, string sourceArn, ApiPathIndex? index)
    {
        if (!TrySplit(sourceArn, out var apiId, out var routePattern) || resources.Get(apiId) is not MapNode api)
        {
            return null;
        }

        var type = api.Get("Type")?.Str;
        var props = api.Get("Properties") as MapNode ?? new MapNode();
        if (type == "AWS::ApiGatewayV2::Api" && props.Get("ProtocolType")?.Str == "WEBSOCKET")
        {
            return [WebSocketRoute(resources, apiId, routePattern)];
        }

        if (type is not ("AWS::ApiGateway::RestApi" or "AWS::ApiGatewayV2::Api"))
        {
            return null;
        }

        var (method, path) = SplitRoute(routePattern);
        var routes = Operations(apiId, props, (p, m, _) => PathMatches(path, p) && MethodMatches(method, m), unknown: (method, path), index is null ? null : (index, path));
        return routes.Count == 0 ? null : routes;
    }

    /// <summary>
    /// The routes of the template's APIs whose integrations call with a role's credentials, by that role: one pass
    /// over every API's operations for all roles (a pass per role made a map of many API-started state machines
    /// quadratic), each role's routes in the order of the APIs and their operations.
    /// </summary>
    public static Dictionary<string, List<ApiRoute>> ByCredentials(MapNode resources)
    {
        var byRole = new Dictionary<string, List<ApiRoute>>(StringComparer.Ordinal);
        foreach (var e in resources.Entries)
        {
            if (e.Value is MapNode api && api.Get("Type")?.Str is "AWS::ApiGateway::RestApi" or "AWS::ApiGatewayV2::Api"
                && api.Get("Properties") is MapNode props)
            {
                // Operations asks select once per operation, in order, and each one it accepts is the next route.
                var roles = new List<string>();
                var routes = Operations(e.Key, props, (_, _, op) =>
                {
                    if (Intrinsics.LogicalIdOf((op.Get("x-amazon-apigateway-integration") as MapNode)?.Get("credentials")) is not { } role)
                    {
                        return false;
                    }

                    roles.Add(role);
                    return true;
                }, unknown: null);
                for (int i = 0; i < routes.Count; i++)
                {
                    if (!byRole.TryGetValue(roles[i], out var list))
                    {
                        byRole[roles[i]] = list = [];
                    }

                    list.Add(routes[i]);
                }
            }
        }

        return byRole;
    }

    /// <summary>
    /// The selected operations of an API's inline definition, each with what its callers need; when the definition
    /// is not in the template, one unknown route for <paramref name="unknown"/> (or none).
    /// </summary>
    private static List<ApiRoute> Operations(string apiId, MapNode props, Func<string, string, MapNode, bool> select, (string Method, string Path)? unknown,
        (ApiPathIndex Index, string Pattern)? lookup = null)
    {
        if (props.Get("Body") is not MapNode body || body.Get("paths") is not MapNode paths)
        {
            var why = props.ContainsKey("BodyS3Location") ? "its definition is in S3 (DefinitionUri), not in the template"
                : props.ContainsKey("Body") ? "its definition cannot be read before deploy"
                : "it has no definition in the template";
            return unknown is { } u ? [new ApiRoute(apiId, u.Method, u.Path, ApiAccess.Unknown, [], [why])] : [];
        }

        var notes = ApiSecurity.Restrictions(props, body);
        var routes = new List<ApiRoute>();
        foreach (var p in lookup is { } l ? l.Index.Candidates(paths, l.Pattern) : paths.Entries)
        {
            if (p.Value is not MapNode operations)
            {
                continue;
            }

            foreach (var op in operations.Entries)
            {
                if (!Methods.Contains(op.Key) || op.Value is not MapNode operation || !select(p.Key, op.Key, operation))
                {
                    continue;
                }

                var requires = ApiSecurity.Requirements(operation.Get("security") ?? body.Get("security"), body);
                var access = requires.Count > 0 ? ApiAccess.Authorized : notes.Count > 0 ? ApiAccess.Restricted : ApiAccess.Open;
                routes.Add(new ApiRoute(apiId, op.Key == AnyMethod ? "ANY" : op.Key.ToUpperInvariant(), p.Key, access, requires, notes));
            }
        }

        return routes;
    }

    /// <summary>
    /// A WebSocket route: callers are authorized once, when they connect, so what the $connect route requires
    /// (AWS::ApiGatewayV2::Route AuthorizationType) holds for every route; no $connect route means anyone may connect.
    /// </summary>
    private static ApiRoute WebSocketRoute(MapNode resources, string apiId, string routeKey)
    {
        MapNode? connect = null;
        foreach (var e in resources.Entries)
        {
            if (e.Value is MapNode r && r.Get("Type")?.Str == "AWS::ApiGatewayV2::Route" && r.Get("Properties") is MapNode p
                && Intrinsics.LogicalIdOf(p.Get("ApiId")) == apiId && p.Get("RouteKey")?.Str == "$connect")
            {
                connect = p;
                break;
            }
        }

        var authorization = connect?.Get("AuthorizationType");
        if (authorization is not (null or StringNode))
        {
            return new ApiRoute(apiId, "", routeKey, ApiAccess.Unknown, [], ["the $connect route's AuthorizationType is decided at deploy"]);
        }

        List<string> requires = (authorization as StringNode)?.Value switch
        {
            "AWS_IAM" => ["IAM (SigV4-signed requests)"],
            "CUSTOM" => [$"Lambda authorizer {Intrinsics.LogicalIdOf(connect!.Get("AuthorizerId")) ?? "(unknown)"} on $connect"],
            null or "NONE" => [],
            var other => [$"authorization {other} on $connect"],
        };
        return new ApiRoute(apiId, "", routeKey, requires.Count > 0 ? ApiAccess.Authorized : ApiAccess.Open, requires, []);
    }

    /// <summary>arn:…:execute-api:region:account:${Api}/stage/METHOD/path → the API's logical id and "METHOD/path".</summary>
    private static bool TrySplit(string sourceArn, out string apiId, out string route)
    {
        apiId = route = "";
        var parts = SplitOutsideReferences(sourceArn, 6);
        if (parts.Count < 6 || parts[2] != "execute-api")
        {
            return false;
        }

        var segments = parts[5].Split('/', 3);
        if (segments.Length == 2 && segments[1].Contains('*', StringComparison.Ordinal))
        {
            segments = [segments[0], "*", "*"];
        }

        if (segments.Length < 3 || !segments[0].StartsWith("${", StringComparison.Ordinal) || !segments[0].EndsWith('}') || segments[1] == "authorizers")
        {
            return false;
        }

        var reference = segments[0][2..^1];
        apiId = reference.EndsWith(".ApiId", StringComparison.Ordinal) ? reference[..^".ApiId".Length] : reference;
        route = segments[2];
        return apiId.Length > 0;
    }

    /// <summary>Splits at ':' outside ${…} (${AWS::AccountId} is one part), into at most <paramref name="count"/> parts.</summary>
    private static List<string> SplitOutsideReferences(string text, int count)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < text.Length && parts.Count < count - 1; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && depth > 0)
            {
                depth--;
            }
            else if (text[i] == ':' && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static (string Method, string Path) SplitRoute(string route)
    {
        int slash = route.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (route, "") : (route[..slash], route[slash..]);
    }

    private static bool MethodMatches(string pattern, string method) =>
        method == AnyMethod || Wildcard.Matches(pattern, method.ToUpperInvariant(), ignoreCase: false);

    /// <summary>"*" alone (any method, any path) matches every path; otherwise the SourceArn's path globs the definition's.</summary>
    private static bool PathMatches(string pattern, string path) => pattern.Length == 0 || Wildcard.Matches(pattern, path, ignoreCase: false);

}
