using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>An authorizer as the editor writes it into securityDefinitions.</summary>
public interface ISwaggerAuthorizer : IAuthorizerScopes
{
    MapNode GenerateSwagger();
}

public sealed partial class SwaggerEditor
{
    /// <summary>Writes each authorizer's security definition (in the authorizers' Python 2.7 order).</summary>
    public void AddAuthorizersSecurityDefinitions<T>(Py27Dict<T> authorizers) where T : ISwaggerAuthorizer
    {
        _securityDefinitions = TruthyOr(_securityDefinitions);
        if (_securityDefinitions is not MapNode defs)
        {
            throw new InvalidTemplateException("securityDefinitions must be a dictionary.").Locate(_securityDefinitions);
        }

        foreach (var (name, unicode, authorizer) in authorizers.Items())
        {
            defs.Set(name, authorizer.GenerateSwagger(), unicode);
        }
    }

    /// <summary>Adds the AWS_IAM (sigv4) security definition once.</summary>
    public void AddAwsIamSecurityDefinition()
    {
        var definition = MapNode.NewPy27();
        var iam = MapNode.NewPy27();
        definition.Set("AWS_IAM", iam);
        iam.Set("x-amazon-apigateway-authtype", "awsSigv4");
        iam.Set("type", "apiKey");
        iam.Set("name", "Authorization");
        iam.Set("in", "header");
        _securityDefinitions = TruthyOr(_securityDefinitions);
        if (_securityDefinitions is MapNode defs && !defs.ContainsKey("AWS_IAM"))
        {
            defs.Update(definition);
        }
    }

    /// <summary>Adds the api_key security definition once.</summary>
    public void AddApiKeySecurityDefinition()
    {
        var definition = MapNode.NewPy27();
        var key = MapNode.NewPy27();
        definition.Set("api_key", key);
        key.Set("type", "apiKey");
        key.Set("name", "x-api-key");
        key.Set("in", "header");
        _securityDefinitions = TruthyOr(_securityDefinitions);
        if (_securityDefinitions is not MapNode defs)
        {
            throw new InvalidTemplateException("securityDefinitions must be a dictionary.").Locate(_securityDefinitions);
        }

        if (!defs.ContainsKey("api_key"))
        {
            defs.Update(definition);
        }
    }

    private static SeqNode SecurityList(MapNode md, string path, string method)
    {
        var existing = md.Get("security") ?? new SeqNode();
        if (existing is not SeqNode list)
        {
            throw EditorErrors.Document($"Type of security for path {path} method {method} must be a list", existing);
        }

        return list;
    }

    private static MapNode SecurityEntry(Node? security, string path, string method) =>
        ValidateIsDict(security, $"{Py27Str.ForMessage(security)} in Security for path {path} method {method} is not a valid dictionary.");

    /// <summary>Puts the default authorizer on every method of the path that does not name its own (or NONE).</summary>
    public void SetPathDefaultAuthorizer<T>(string path, PyName defaultAuthorizer, Py27Dict<T> authorizers, bool addDefaultAuthToPreflight) where T : IAuthorizerScopes
    {
        foreach (var (methodName, md) in IterOnAllMethodsForPath(path))
        {
            if (!(addDefaultAuthToPreflight || methodName.Value != "options"))
            {
                continue;
            }

            var names = new HashSet<string>(StringComparer.Ordinal) { "AWS_IAM" };
            names.UnionWith(authorizers.Keys);
            var nonAuthorizer = new List<Node>();
            var authorizerSecurity = new List<Node>();
            var existing = SecurityList(md, path, methodName);
            foreach (var security in existing.Items)
            {
                var entry = SecurityEntry(security, path, methodName);
                if (entry.Keys.Any(names.Contains))
                {
                    authorizerSecurity.Add(security);
                }
                else
                {
                    nonAuthorizer.Add(security);
                }
            }

            int noneIndex = nonAuthorizer.FindIndex(s => ((MapNode)s).Keys.Any(k => k == "NONE"));
            var chosen = new List<Node>();
            if (noneIndex > -1)
            {
                nonAuthorizer.RemoveAt(noneIndex);
            }
            else if (authorizerSecurity.Count > 0)
            {
                chosen = authorizerSecurity;
            }
            else
            {
                var entry = MapNode.NewPy27();
                entry.Set(defaultAuthorizer.Value, ScopesFor(authorizers, defaultAuthorizer), defaultAuthorizer.Unicode);
                chosen = [entry];
            }

            var result = new SeqNode(nonAuthorizer.Concat(chosen));
            if (result.Count > 0)
            {
                md.Set("security", result);
                if (result[0] is MapNode first && first.ContainsKey("AWS_IAM"))
                {
                    AddAwsIamSecurityDefinition();
                }
            }
        }
    }

    private static Node ScopesFor<T>(Py27Dict<T> authorizers, string name) where T : IAuthorizerScopes =>
        authorizers.TryGetValue(name, out var a) && a.AuthorizationScopes is { } scopes ? scopes : new SeqNode();

    /// <summary>Requires the API key on every method of the path unless the method opted out.</summary>
    public void SetPathDefaultApiKeyRequired(string path, bool requiredForOptions)
    {
        foreach (var (methodName, md) in IterOnAllMethodsForPath(path))
        {
            var nonApiKey = new List<Node>();
            var apiKey = new List<Node>();
            var existing = SecurityList(md, path, methodName);
            foreach (var security in existing.Items)
            {
                var entry = SecurityEntry(security, path, methodName);
                if (entry.Keys.Any(k => k is "api_key" or "api_key_false"))
                {
                    apiKey.Add(security);
                }
                else
                {
                    nonApiKey.Add(security);
                }
            }

            var apiKeySecurity = new List<Node>();
            int falseIndex = apiKey.FindIndex(s => ((MapNode)s).Keys.Any(k => k == "api_key_false"));
            if (falseIndex > -1)
            {
                apiKey.RemoveAt(falseIndex);
            }
            else
            {
                var entry = MapNode.NewPy27();
                entry.Set("api_key", new SeqNode());
                apiKeySecurity.Add(entry);
            }

            var result = new SeqNode(nonApiKey.Concat(apiKeySecurity));
            if (methodName.Value == "options" && !requiredForOptions)
            {
                result = new SeqNode(nonApiKey);
            }

            if (!Py.Equal(result, existing))
            {
                md.Set("security", result);
            }
        }
    }

    /// <summary>The event's Authorizer / ApiKeyRequired on one method (the reference's add_auth_to_method).</summary>
    public void AddAuthToMethod(PyName path, PyName methodName, MapNode auth, MapNode api)
    {
        var methodAuthorizer = auth.Get("Authorizer");
        var methodScopes = auth.Get("AuthorizationScopes");
        var apiAuth = api.Get("Auth");
        Node? authorizers = Py.Truthy(apiAuth) ? (apiAuth as MapNode)?.Get("Authorizers") : apiAuth;
        if (Py.Truthy(methodAuthorizer))
        {
            SetMethodAuthorizer(path, methodName, PyName.Of(methodAuthorizer), authorizers, methodScopes);
        }

        var apiKeyRequired = Py.Truthy(auth) ? auth.Get("ApiKeyRequired") : auth;
        if (apiKeyRequired is not null and not NullNode)
        {
            SetMethodApiKeyHandling(path, methodName, Py.Truthy(apiKeyRequired));
        }
    }

    private void SetMethodAuthorizer(PyName path, PyName methodName, PyName authorizerName, Node? authorizers, Node? methodScopes)
    {
        foreach (var md in IterOnMethodDefinitionsForPathAtMethod(path, methodName))
        {
            var entry = MapNode.NewPy27();
            entry.Set(authorizerName.Value, new SeqNode(), authorizerName.Unicode);
            var existing = SecurityList(md, path, methodName);
            var security = new SeqNode(existing.Items.Append(entry));
            if (authorizerName.Value != "NONE" && Py.Truthy(authorizers) && authorizers is MapNode authMap)
            {
                var authorizer = authMap.Get(authorizerName) ?? MapNode.NewPy27();
                if (authorizer is not MapNode authorizerMap)
                {
                    throw EditorErrors.Document($"Type of authorizer '{authorizerName}' must be a dictionary", authorizer);
                }

                var scopes = authorizerMap.Get("AuthorizationScopes");
                if (methodScopes is not null and not NullNode)
                {
                    scopes = methodScopes;
                }

                if (authMap.Get(authorizerName) is not null and not NullNode && scopes is not null and not NullNode)
                {
                    entry.Set(authorizerName.Value, scopes);
                }
            }

            if (security.Count > 0)
            {
                md.Set("security", security);
                if (security[0] is MapNode first && first.ContainsKey("AWS_IAM"))
                {
                    AddAwsIamSecurityDefinition();
                }
            }
        }
    }

    private void SetMethodApiKeyHandling(PyName path, PyName methodName, bool required)
    {
        foreach (var md in IterOnMethodDefinitionsForPathAtMethod(path, methodName))
        {
            var entry = MapNode.NewPy27();
            if (required)
            {
                entry.Set("api_key", new SeqNode());
                AddApiKeySecurityDefinition();
            }
            else
            {
                // The method opts out of an API-wide requirement; the marker keeps the default from applying.
                entry.Set("api_key_false", new SeqNode());
            }

            var existing = SecurityList(md, path, methodName);
            var security = new SeqNode(existing.Items.Append(entry));
            if (!Py.Equal(security, existing))
            {
                md.Set("security", security);
            }
        }
    }
}
