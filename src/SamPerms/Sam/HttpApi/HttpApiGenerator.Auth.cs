using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.HttpApi;

/// <summary>
/// An HTTP API's Auth: authorizers become OpenAPI security schemes, the DefaultAuthorizer secures every
/// route that has none of its own, and Lambda authorizers with EnableFunctionDefaultPermissions get a
/// permission for API Gateway to invoke them.
/// </summary>
public sealed partial class HttpApiGenerator
{
    private static readonly string[] AuthFields = ["Authorizers", "DefaultAuthorizer", "EnableIamAuthorizer"];

    private void AddAuth(TransformContext ctx)
    {
        if (!Py.Truthy(Auth))
        {
            return;
        }

        if (!Py.Truthy(DefinitionBody))
        {
            throw Error("Auth works only with inline OpenApi specified in the 'DefinitionBody' property.", Auth);
        }

        var auth = (MapNode)Auth!;
        if (!auth.Keys.All(AuthFields.Contains))
        {
            throw Error("Invalid value for 'Auth' property", auth);
        }

        if (!OpenApiEditor.IsValid(DefinitionBody))
        {
            throw Error("Unable to add Auth configuration because 'DefinitionBody' does not contain a valid OpenApi definition.", DefinitionBody);
        }

        var editor = new OpenApiEditor(DefinitionBody, inPlace: true);
        var authorizers = GetAuthorizers(auth.Get("Authorizers"), auth.Get("EnableIamAuthorizer"));
        editor.AddAuthorizersSecurityDefinitions(authorizers.Select(a => (a.Key, a.Value.GenerateOpenApi(ctx))).ToList());
        SetDefaultAuthorizer(editor, authorizers, auth.Get("DefaultAuthorizer"));
        DefinitionBody = editor.Document;
    }

    private void SetDefaultAuthorizer(OpenApiEditor editor, Dictionary<string, HttpApiAuthorizer> authorizers, Node? defaultAuthorizer)
    {
        if (!Py.Truthy(defaultAuthorizer) || Intrinsics.IsNoValue(defaultAuthorizer))
        {
            return;
        }

        var name = Expect.That(defaultAuthorizer, LogicalId, "Auth.DefaultAuthorizer").ToBeString();
        if (!authorizers.ContainsKey(name))
        {
            throw Error("Unable to set DefaultAuthorizer because '" + name + "' was not defined in 'Authorizers'.", defaultAuthorizer);
        }

        var scopes = authorizers.ToDictionary(a => a.Key, a => (IAuthorizerScopes)a.Value, StringComparer.Ordinal);
        foreach (var path in editor.IterOnPath())
        {
            editor.SetPathDefaultAuthorizer(path, name, scopes);
        }
    }

    /// <summary>The built-in IAM authorizer (when enabled) first, then Auth.Authorizers in order.</summary>
    private Dictionary<string, HttpApiAuthorizer> GetAuthorizers(Node? authorizersConfig, Node? enableIamAuthorizer)
    {
        var authorizers = new Dictionary<string, HttpApiAuthorizer>(StringComparer.Ordinal);
        if (enableIamAuthorizer is BoolNode { Value: true })
        {
            authorizers["AWS_IAM"] = HttpApiAuthorizer.AwsIam();
        }

        // EnableIamAuthorizer alone needs no Authorizers.
        if (!Py.Truthy(authorizersConfig))
        {
            return authorizers;
        }

        var config = Expect.That(authorizersConfig, LogicalId, "Auth.Authorizers").ToBeMap();
        foreach (var (name, value) in config)
        {
            var authorizer = Expect.That(value, LogicalId, $"Auth.Authorizers.{name}").ToBeMap();
            if (authorizer.ContainsKey("OpenIdConnectUrl"))
            {
                throw Error($"'OpenIdConnectUrl' is no longer a supported property for authorizer '{name}'. Please refer to the AWS SAM documentation.", authorizer);
            }

            authorizers[name] = HttpApiAuthorizer.FromConfig(LogicalId, name, authorizer);
        }

        return authorizers;
    }

    /// <summary>A permission for each Lambda authorizer that sets EnableFunctionDefaultPermissions: true.</summary>
    private List<CfnResource> ConstructAuthorizerLambdaPermissions(TransformContext ctx, CfnResource api)
    {
        var permissions = new List<CfnResource>();
        if (!Py.Truthy(Auth) || Auth is not MapNode auth)
        {
            return permissions;
        }

        foreach (var (name, authorizer) in GetAuthorizers(auth.Get("Authorizers"), auth.Get("EnableIamAuthorizer")))
        {
            if (!Py.Truthy(authorizer.FunctionArn) || !Py.Truthy(authorizer.EnableFunctionDefaultPermissions))
            {
                continue;
            }

            permissions.Add(AuthorizerPermission(LogicalId + name + "AuthorizerPermission", authorizer.FunctionArn!, api.Ref()));
        }

        return permissions;
    }
}
