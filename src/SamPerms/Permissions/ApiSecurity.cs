using SamPerms.Model;

namespace SamPerms.Permissions;

/// <summary>
/// What an API definition requires of callers: an operation's security requirements (OpenAPI security and the
/// schemes of securityDefinitions or components.securitySchemes, with API Gateway's extensions), described for
/// a reader; and what limits who reaches the API at all.
/// </summary>
internal static class ApiSecurity
{
    /// <summary>Each security requirement's schemes, described; the NONE marker SAM writes means none.</summary>
    public static List<string> Requirements(Node? security, MapNode body)
    {
        var result = new List<string>();
        if (security is not SeqNode alternatives)
        {
            return result;
        }

        var schemes = body.Get("securityDefinitions") as MapNode ?? (body.Get("components") as MapNode)?.Get("securitySchemes") as MapNode;
        foreach (var alternative in alternatives)
        {
            if (alternative is not MapNode requirement)
            {
                continue;
            }

            foreach (var e in requirement.Entries)
            {
                var scheme = schemes?.Get(e.Key) as MapNode;
                if (scheme is null && e.Key == "NONE")
                {
                    continue;
                }

                var text = Describe(e.Key, scheme);
                if (e.Value is SeqNode { Count: > 0 } scopes)
                {
                    text += " (scopes " + string.Join(", ", scopes.Select(s => s.Str ?? "?")) + ")";
                }

                if (!result.Contains(text))
                {
                    result.Add(text);
                }
            }
        }

        return result;
    }

    private static string Describe(string name, MapNode? scheme)
    {
        var authType = scheme?.Get("x-amazon-apigateway-authtype")?.Str;
        var authorizerType = (scheme?.Get("x-amazon-apigateway-authorizer") as MapNode)?.Get("type")?.Str;
        var type = scheme?.Get("type")?.Str;
        if (authType == "awsSigv4" || (scheme is null && name == "AWS_IAM"))
        {
            return "IAM (SigV4-signed requests)";
        }

        if (authType == "cognito_user_pools")
        {
            return $"Cognito user pool authorizer {name}";
        }

        if (authorizerType is "token" or "request")
        {
            return $"Lambda authorizer {name}";
        }

        if (authorizerType == "jwt" || type is "oauth2" or "openIdConnect")
        {
            return $"JWT authorizer {name}";
        }

        if (type == "apiKey" && scheme?.Get("name")?.Str is { } header && header.Equals("x-api-key", StringComparison.OrdinalIgnoreCase))
        {
            return "API key";
        }

        return $"authorizer {name}";
    }

    /// <summary>What limits who reaches the API at all: a resource policy, a private endpoint.</summary>
    public static List<string> Restrictions(MapNode props, MapNode body)
    {
        var notes = new List<string>();
        if (props.ContainsKey("Policy") || body.ContainsKey("x-amazon-apigateway-policy"))
        {
            notes.Add("the API's resource policy decides who reaches it (not evaluated)");
        }

        if ((props.Get("EndpointConfiguration") as MapNode)?.Get("Types") is SeqNode types && types.Any(t => t.Str == "PRIVATE"))
        {
            notes.Add("private endpoint: reachable only from VPCs through an interface endpoint");
        }

        return notes;
    }
}
