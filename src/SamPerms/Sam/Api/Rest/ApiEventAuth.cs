using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// An Api event's Auth applied to a REST API definition (the reference's Api.add_auth_to_swagger): checks the
/// authorizer against the API's, then writes the method's security and resource policy. Shared by function and
/// state machine Api events.
/// </summary>
public static class ApiEventAuth
{
    public static void AddAuthToSwagger(MapNode eventAuth, MapNode api, string apiId, string eventId, PyName method, PyName path, Node? stage, SwaggerEditor editor, IntrinsicsResolver resolver)
    {
        var methodAuthorizer = eventAuth.Get("Authorizer");
        var apiAuth = api.Get("Auth");
        // Resolved in place (nested values) but not written back, as the reference does.
        apiAuth = resolver.ResolveParameterRefs(apiAuth);

        if (Py.Truthy(methodAuthorizer))
        {
            var apiAuthorizers = Py.Truthy(apiAuth) ? (apiAuth as MapNode)?.Get("Authorizers") : null;
            if (Py.Truthy(apiAuthorizers))
            {
                Expect.That(apiAuthorizers, apiId, "Auth.Authorizers").ToBeMap();
            }

            var name = Py27Str.ForMessage(methodAuthorizer);
            if (methodAuthorizer is not StringNode { Value: "AWS_IAM" })
            {
                if (methodAuthorizer is not StringNode { Value: "NONE" })
                {
                    if (!Py.Truthy(apiAuthorizers))
                    {
                        throw new InvalidEventException(eventId, $"Unable to set Authorizer [{name}] on API method [{method}] for path [{path}] because the related API does not define any Authorizers.");
                    }

                    CheckValidAuthorizerTypes(eventId, method, path, methodAuthorizer!, apiAuthorizers, false);
                    if (!Py.Truthy(((MapNode)apiAuthorizers!).Get(((StringNode)methodAuthorizer!).Value)))
                    {
                        throw new InvalidEventException(eventId, $"Unable to set Authorizer [{name}] on API method [{method}] for path [{path}] because it wasn't defined in the API's Authorizers.");
                    }
                }
                else if (!Py.Truthy(apiAuth) || !Py.Truthy((apiAuth as MapNode)?.Get("DefaultAuthorizer")))
                {
                    throw new InvalidEventException(eventId, $"Unable to set Authorizer on API method [{method}] for path [{path}] because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.");
                }
            }
        }

        var scopes = eventAuth.Get("AuthorizationScopes");
        if (Py.Truthy(scopes))
        {
            Expect.That(scopes, eventId, "Auth.AuthorizationScopes", isEvent: true).ToBeList();
            if (!Py.Truthy(methodAuthorizer))
            {
                throw new InvalidEventException(eventId, "AuthorizationScopes works only when Authorizer is set");
            }
        }

        var apiKeyRequired = eventAuth.Get("ApiKeyRequired");
        bool apiKeyFalse = apiKeyRequired is not null and not NullNode && !Py.Truthy(apiKeyRequired);
        if (apiKeyFalse && (!Py.Truthy(apiAuth) || !Py.Truthy((apiAuth as MapNode)?.Get("ApiKeyRequired"))))
        {
            throw new InvalidEventException(eventId, $"Unable to set ApiKeyRequired [False] on API method [{method}] for path [{path}] because the related API does not specify any ApiKeyRequired.");
        }

        if (Py.Truthy(methodAuthorizer) || apiKeyRequired is not null and not NullNode)
        {
            editor.AddAuthToMethod(path, method, eventAuth, api);
        }

        var resourcePolicy = eventAuth.Get("ResourcePolicy");
        if (Py.Truthy(resourcePolicy))
        {
            var rp = Expect.That(resourcePolicy, eventId, "Auth.ResourcePolicy").ToBeMap();
            editor.AddResourcePolicy(rp, path, stage);
            if (Py.Truthy(rp.Get("CustomStatements")))
            {
                editor.AddCustomStatements(rp.Get("CustomStatements"));
            }
        }
    }

    /// <summary>The reference's _check_valid_authorizer_types.</summary>
    public static void CheckValidAuthorizerTypes(string eventId, PyName method, PyName path, Node methodAuthorizer, Node? apiAuthorizers, bool iamAuthorizerEnabled)
    {
        if (methodAuthorizer is StringNode { Value: "NONE" })
        {
            return;
        }

        if (methodAuthorizer is StringNode { Value: "AWS_IAM" } && iamAuthorizerEnabled)
        {
            return;
        }

        if (methodAuthorizer is not StringNode || apiAuthorizers is not MapNode)
        {
            throw new InvalidEventException(eventId, $"Unable to set Authorizer [{Py27Str.ForMessage(methodAuthorizer)}] on API method [{method}] for path [{path}]. The method authorizer must be a string with a corresponding dict entry in the api authorizer.");
        }
    }
}
