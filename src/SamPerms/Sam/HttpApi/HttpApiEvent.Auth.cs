using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.HttpApi;

/// <summary>
/// An HttpApi event's Auth: the route's authorizer (else the API's DefaultAuthorizer) must be one the API
/// defines (or NONE with a default, or the built-in AWS_IAM when EnableIamAuthorizer is on); it becomes the
/// method's OpenAPI security.
/// </summary>
public sealed partial class HttpApiEvent
{
    private void AddAuthToOpenApiIntegration(MapNode api, OpenApiEditor editor, MapNode auth, string method)
    {
        var path = PathValue;
        var methodAuthorizer = auth.Get("Authorizer");
        var apiAuthNode = api.Get("Auth") ?? new MapNode();
        var apiAuth = Expect.That(apiAuthNode, _apiLogicalId, "Auth").ToBeMap();
        if (!Py.Truthy(methodAuthorizer))
        {
            if (Py.Truthy(apiAuth.Get("DefaultAuthorizer")))
            {
                methodAuthorizer = apiAuth.Get("DefaultAuthorizer")!;
                auth.Set("Authorizer", methodAuthorizer);
            }
            else
            {
                throw Error("'Auth' section requires either an explicit 'Authorizer' set or a 'DefaultAuthorizer' configured on the HttpApi.", auth);
            }
        }

        var apiAuthorizers = Py.Truthy(apiAuth) ? apiAuth.Get("Authorizers") : apiAuth;

        // The IAM authorizer is built in, not one of the API's Authorizers.
        var iamAuthorizerEnabled = Py.Truthy(apiAuth) && apiAuth.Get("EnableIamAuthorizer") is BoolNode { Value: true };
        CheckValidAuthorizerTypes(method, path, methodAuthorizer!, apiAuthorizers, iamAuthorizerEnabled);

        var name = methodAuthorizer!.Str;
        if (name == "NONE")
        {
            if (!Py.Truthy(apiAuth.Get("DefaultAuthorizer")))
            {
                throw Error($"Unable to set Authorizer on API method [{method}] for path [{path}] because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.", auth);
            }
        }
        else if (name != "AWS_IAM" || !iamAuthorizerEnabled)
        {
            // An AWS_IAM authorizer that the API did not enable may be a custom authorizer of that name.
            if (!Py.Truthy(apiAuthorizers))
            {
                throw Error($"Unable to set Authorizer [{name}] on API method [{method}] for path [{path}] because the related API does not define any Authorizers.", auth);
            }

            if (!Py.Truthy((apiAuthorizers as MapNode)?.Get(name!)))
            {
                throw Error($"Unable to set Authorizer [{name}] on API method [{method}] for path [{path}] because it wasn't defined in the API's Authorizers.", auth);
            }
        }

        if (auth.Get("AuthorizationScopes") is { } scopes && Py.Truthy(scopes) && scopes is not SeqNode)
        {
            throw Error($"Unable to set Authorizer on API method [{method}] for path [{path}] because 'AuthorizationScopes' must be a list of strings.", scopes);
        }

        editor.AddAuthToMethod(path, method, auth, api);
    }

    private void CheckValidAuthorizerTypes(string method, string path, Node methodAuthorizer, Node? apiAuthorizers, bool iamAuthorizerEnabled)
    {
        // NONE uses the DefaultAuthorizer; the built-in AWS_IAM is not among the API's authorizers.
        if (methodAuthorizer.Str == "NONE" || (methodAuthorizer.Str == "AWS_IAM" && iamAuthorizerEnabled))
        {
            return;
        }

        if (methodAuthorizer is not StringNode || apiAuthorizers is not MapNode)
        {
            throw Error($"Unable to set Authorizer [{Py27Str.ForMessage(methodAuthorizer)}] on API method [{method}] for path [{path}]. The method authorizer must be a string with a corresponding dict entry in the api authorizer.", methodAuthorizer);
        }
    }
}
