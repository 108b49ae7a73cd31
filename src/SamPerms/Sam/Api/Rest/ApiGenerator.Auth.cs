using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

public sealed partial class ApiGenerator
{
    private static readonly string[] AuthFields =
    [
        "Authorizers", "DefaultAuthorizer", "InvokeRole", "AddDefaultAuthorizerToCorsPreflight",
        "AddApiKeyRequiredToCorsPreflight", "ApiKeyRequired", "ResourcePolicy", "UsagePlan",
    ];

    private MapNode? AuthMap => Auth as MapNode;

    private Node? AuthField(string name) => AuthMap?.Get(name) is { } v and not NullNode ? v : null;

    /// <summary>Auth: authorizers and the default one, API keys, and the resource policy, written into the definition.</summary>
    private void AddAuth()
    {
        if (!Py.Truthy(Auth))
        {
            return;
        }

        if (!Py.Truthy(_definitionBody))
        {
            throw Error("Auth works only with inline Swagger specified in 'DefinitionBody' property.");
        }

        if (AuthMap is not { } auth || !auth.Keys.All(AuthFields.Contains))
        {
            throw Error("Invalid value for 'Auth' property");
        }

        if (!SwaggerEditor.IsValid(_definitionBody))
        {
            throw Error("Unable to add Auth configuration because 'DefinitionBody' does not contain a valid Swagger definition.");
        }

        var editor = new SwaggerEditor(_definitionBody, inPlace: true);
        var defaultAuthorizer = AuthField("DefaultAuthorizer");
        var authorizers = GetAuthorizers(AuthField("Authorizers"), defaultAuthorizer);
        if (authorizers is not null && authorizers.Count > 0)
        {
            editor.AddAuthorizersSecurityDefinitions(authorizers);
            SetDefaultAuthorizer(editor, authorizers, defaultAuthorizer, auth.TryGet("AddDefaultAuthorizerToCorsPreflight", out var pre) ? Py.Truthy(pre) : true);
        }

        if (Py.Truthy(AuthField("ApiKeyRequired")))
        {
            editor.AddApiKeySecurityDefinition();
            var forOptions = auth.TryGet("AddApiKeyRequiredToCorsPreflight", out var opt) ? Py.Truthy(opt) : true;
            foreach (var path in editor.IterOnPath())
            {
                editor.SetPathDefaultApiKeyRequired(path, forOptions);
            }
        }

        var resourcePolicy = AuthField("ResourcePolicy");
        if (Py.Truthy(resourcePolicy))
        {
            var policy = OpenApiEditorBase.ValidateIsDict(resourcePolicy, "ResourcePolicy must be a map (ResourcePolicyStatement).");
            foreach (var path in editor.IterOnPath())
            {
                editor.AddResourcePolicy(policy, path, StageName);
            }

            if (Py.Truthy(policy.Get("CustomStatements")))
            {
                editor.AddCustomStatements(policy.Get("CustomStatements"));
            }
        }

        _definitionBody = OpenApiPostprocess(editor.Document);
    }

    /// <summary>The API's authorizers by name (AWS_IAM first when it is the default), or null when there are none.</summary>
    private Py27Dict<ApiGatewayAuthorizer>? GetAuthorizers(Node? config, Node? defaultAuthorizer)
    {
        var authorizers = new Py27Dict<ApiGatewayAuthorizer>();
        if (defaultAuthorizer is StringNode { Value: "AWS_IAM" } iam)
        {
            authorizers.Set("AWS_IAM", iam.Unicode, new ApiGatewayAuthorizer(_logicalId, "AWS_IAM", _partition, isAwsIamAuthorizer: true));
        }

        if (!Py.Truthy(config))
        {
            return authorizers.ContainsKey("AWS_IAM") ? authorizers : null;
        }

        var map = Expect.That(config, _logicalId, "Auth.Authorizers").ToBeMap();
        foreach (var e in map.Entries)
        {
            var a = Expect.That(e.Value, _logicalId, $"Auth.Authorizers.{e.Key}").ToBeMap();
            authorizers.Set(e.Key, e.KeyUnicode, new ApiGatewayAuthorizer(
                _logicalId,
                e.Key,
                _partition,
                userPoolArn: a.Get("UserPoolArn"),
                functionArn: a.Get("FunctionArn"),
                identity: a.Get("Identity"),
                functionPayloadType: a.Get("FunctionPayloadType"),
                functionInvokeRole: a.Get("FunctionInvokeRole"),
                authorizationScopes: a.Get("AuthorizationScopes"),
                disableFunctionDefaultPermissions: a.Get("DisableFunctionDefaultPermissions")));
        }

        return authorizers;
    }

    private void SetDefaultAuthorizer(SwaggerEditor editor, Py27Dict<ApiGatewayAuthorizer> authorizers, Node? defaultAuthorizer, bool addToPreflight)
    {
        if (!Py.Truthy(defaultAuthorizer))
        {
            return;
        }

        if (defaultAuthorizer is not StringNode name)
        {
            throw Error("DefaultAuthorizer is not a string.", defaultAuthorizer);
        }

        if (!authorizers.ContainsKey(name.Value) && name.Value != "AWS_IAM")
        {
            throw Error("Unable to set DefaultAuthorizer because '" + name.Value + "' was not defined in 'Authorizers'.", name);
        }

        foreach (var path in editor.IterOnPath())
        {
            editor.SetPathDefaultAuthorizer(path, PyName.Of(name), authorizers, addToPreflight);
        }
    }

    /// <summary>lambda:InvokeFunction for API Gateway on each Lambda authorizer's function (unless disabled).</summary>
    private List<CfnResource> ConstructAuthorizerLambdaPermissions()
    {
        var permissions = new List<CfnResource>();
        if (!Py.Truthy(Auth) || AuthMap is null)
        {
            return permissions;
        }

        var authorizers = GetAuthorizers(AuthField("Authorizers"), null);
        if (authorizers is null)
        {
            return permissions;
        }

        foreach (var (name, _, authorizer) in authorizers.Items())
        {
            if (!Py.Truthy(authorizer.FunctionArn) || Py.Truthy(authorizer.DisableFunctionDefaultPermissions))
            {
                continue;
            }

            var permission = AuthorizerPermission.Construct(_logicalId + name + "AuthorizerPermission", authorizer.FunctionArn!, N.Ref(_logicalId), _partition, PassthroughAttributes);
            permission.Origin = api.OriginOf("Auth.Authorizers." + name);
            permissions.Add(permission);
        }

        return permissions;
    }
}
