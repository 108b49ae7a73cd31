using SamPerms.Model;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>
/// Security in an OpenAPI document: authorizers as components.securitySchemes, the API's default authorizer
/// on every secured-by-nothing method, and a route's own authorizer and scopes.
/// </summary>
public sealed partial class OpenApiEditor
{
    /// <summary>Writes each authorizer's OpenAPI security scheme under components.securitySchemes.</summary>
    public void AddAuthorizersSecurityDefinitions(IEnumerable<(string Name, MapNode Scheme)> authorizers)
    {
        if (!Py.Truthy(SecuritySchemes))
        {
            SecuritySchemes = MapNode.NewPy27();
        }

        foreach (var (name, scheme) in authorizers)
        {
            // The reference fails with a Python error on schemes that are not a map; refuse them as the Swagger
            // editor refuses securityDefinitions.
            var schemes = SecuritySchemes as MapNode
                ?? throw new Core.InvalidTemplateException("securitySchemes must be a dictionary.").Locate(SecuritySchemes);
            schemes.Set(name, scheme);
        }
    }

    /// <summary>
    /// Gives every method of the path that has an integration and no security of its own the default
    /// authorizer (with its scopes). OPTIONS and "parameters" are left alone.
    /// </summary>
    public void SetPathDefaultAuthorizer(string path, string defaultAuthorizer, IReadOnlyDictionary<string, IAuthorizerScopes> authorizers)
    {
        foreach (var pathItem in ConditionalContents(Paths.Get(path)))
        {
            var item = ValidatePathItemIsDict(pathItem, path);
            foreach (var (methodName, method) in item)
            {
                string normalized = NormalizeMethodName(methodName);
                if (normalized == "parameters" || normalized == "options")
                {
                    continue;
                }

                // A method written "ANY" normalises to a key the path does not have: the reference rejects it.
                if (!item.ContainsKey(normalized))
                {
                    throw EditorErrors.Document($"Could not find {normalized} in {path} within DefinitionBody.", method);
                }

                foreach (var definition in ConditionalContents(method))
                {
                    var md = ValidateMethodDefinitionIsDict(definition, path, methodName);
                    if (!MethodDefinitionHasIntegration(md) || Py.Truthy(md.Get("security")))
                    {
                        continue;
                    }

                    var security = new MapNode();
                    security.Set(defaultAuthorizer, AuthorizationScopes(authorizers, defaultAuthorizer));
                    md.Set("security", N.Seq(security));
                }
            }
        }
    }

    /// <summary>The event's Auth.Authorizer (with its scopes) on this path/method; the API's Auth gives the scopes.</summary>
    public void AddAuthToMethod(string path, string methodName, MapNode? auth, MapNode? api)
    {
        var methodAuthorizer = auth?.Get("Authorizer");
        var authorizationScopes = auth?.Get("AuthorizationScopes") ?? new SeqNode();
        var apiAuth = api?.Get("Auth");
        var authorizers = Py.Truthy(apiAuth) ? (apiAuth as MapNode)?.Get("Authorizers") : apiAuth;
        if (Py.Truthy(methodAuthorizer))
        {
            SetMethodAuthorizer(path, methodName, Py.Str(methodAuthorizer), authorizers, authorizationScopes);
        }
    }

    private void SetMethodAuthorizer(string path, string methodName, string authorizerName, Node? authorizers, Node? authorizationScopes)
    {
        foreach (var md in IterOnMethodDefinitionsForPathAtMethod(path, methodName))
        {
            var security = new MapNode();
            security.Set(authorizerName, new SeqNode());

            // Neither the NONE nor the AWS_IAM built-in authorizers support authorization scopes.
            if (authorizerName is not "NONE" and not "AWS_IAM")
            {
                var authorizersMap = authorizers as MapNode;
                var authorizer = authorizersMap?.Get(authorizerName) ?? MapNode.NewPy27();
                if (authorizer is not MapNode authorizerMap)
                {
                    throw EditorErrors.Document($"Type of authorizer '{authorizerName}' must be a dictionary", authorizer);
                }

                var scopes = authorizerMap.Get("AuthorizationScopes");
                if (Py.Truthy(authorizationScopes))
                {
                    scopes = authorizationScopes;
                }

                if (Py.Truthy(authorizersMap?.Get(authorizerName)) && Py.Truthy(scopes))
                {
                    security.Set(authorizerName, scopes!);
                }
            }

            var existing = md.Get("security") ?? new SeqNode();
            if (existing is not SeqNode existingList)
            {
                throw EditorErrors.Document($"Type of security for path {path} method {methodName} must be a list", existing);
            }

            var combined = new SeqNode(existingList.Items);
            combined.Add(security);
            md.Set("security", combined);
        }
    }
}
