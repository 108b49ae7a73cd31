using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Sam.Api;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Api.Plugins;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.HttpApi;

/// <summary>
/// A function's HttpApi event (the reference's eventsources.push.HttpApi): the permission for API Gateway to
/// invoke the function from this route, and the Lambda integration (with auth, timeout, path parameters and
/// payload version) written into the API's OpenAPI body. The implicit HTTP API plugin has already filled in
/// ApiId, and Path/Method ("$default", any method) when both were missing.
/// </summary>
public sealed partial class HttpApiEvent : EventSource
{
    public const string TypeName = "HttpApi";

    private static readonly PropertyTable Table = new(
        ("Path", PropertySpec.Optional(V.Str)),
        ("Method", PropertySpec.Optional(V.Str)),
        ("ApiId", PropertySpec.Optional(V.Str)),
        ("Stage", PropertySpec.Optional(V.Str)),
        ("Auth", PropertySpec.Optional(V.Dict)),
        ("TimeoutInMillis", PropertySpec.Optional(V.Int)),
        ("RouteSettings", PropertySpec.Optional(V.Dict)),
        ("PayloadFormatVersion", PropertySpec.Optional(V.Str)));

    private MapNode _explicitApi = new();
    private string _apiLogicalId = "";

    public override string Type => TypeName;

    protected override PropertyTable PropertyTypes => Table;

    private string PathValue => Prop("Path")?.Str ?? "";

    /// <summary>The API's properties in the SAM template: the integration is written into its DefinitionBody.</summary>
    public override void LinkResources(TransformContext ctx, SamResource owner)
    {
        var apiId = Prop("ApiId");
        _apiLogicalId = apiId is MapNode m && m.Get("Ref") is { } r ? Py.Str(r) : Py.Str(apiId);
        var resource = ctx.SamResources.Get(_apiLogicalId) as MapNode;
        _explicitApi = resource?.Get("Properties") as MapNode ?? new MapNode();
    }

    public override IList<CfnResource> ToCloudFormation(EventContext ectx)
    {
        // Users may write GET or get.
        var method = (Prop("Method")?.Str ?? "").ToLowerInvariant();
        var resources = new List<CfnResource>();
        if (Permission(ectx, method, "*") is { } permission)
        {
            resources.Add(permission);
        }

        AddOpenApiIntegration(ectx, method);
        return resources;
    }

    /// <summary>
    /// The permission for any stage of the API to invoke the function from this route. None when this function
    /// already serves the API's $default route: that permission covers every route.
    /// </summary>
    private CfnResource? Permission(EventContext ectx, string method, string stage)
    {
        // API Gateway drops a trailing slash from paths (#665).
        var path = TrailingSlashRegex().Replace(PathValue, "$1");
        OpenApiEditor? editor = null;
        if (Py.Truthy(_explicitApi.Get("DefinitionBody")))
        {
            try
            {
                editor = OpenApiEditor.Reading(_explicitApi.Get("DefinitionBody"));
            }
            catch (InvalidDocumentException e)
            {
                throw new InvalidResourceException(_apiLogicalId, string.Join(" ", e.Causes.Select(c => c.Message))).Locate(_explicitApi.Get("DefinitionBody"));
            }
        }

        if (path == OpenApiEditor.DefaultPath)
        {
            path = "";
        }
        else if (editor is not null && editor.IsIntegrationFunctionLogicalIdMatch(OpenApiEditor.DefaultPath, OpenApiEditorBase.AnyMethod, ectx.Function.LogicalId))
        {
            return null;
        }

        path = OpenApiEditor.GetPathWithoutTrailingSlash(path);
        var arnMethod = method is "any" or OpenApiEditorBase.AnyMethod ? "*" : method.ToUpperInvariant();

        // "ANY /$default" would otherwise end in /*/*/$default, which is not a valid ARN (#1860).
        var resource = "${__ApiId__}/${__Stage__}";
        resource += method == "any" && path == "/" + OpenApiEditor.DefaultPath ? path : $"/{arnMethod}{path}";
        var sourceArn = N.Sub(
            "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:" + resource,
            N.Map(("__ApiId__", Prop("ApiId")), ("__Stage__", stage)));

        return EventPermissions.Construct("apigateway.amazonaws.com", ectx.Function, LogicalId, sourceArn);
    }

    /// <summary>The Lambda integration for this route in the API's OpenAPI body, with the route's settings.</summary>
    private void AddOpenApiIntegration(EventContext ectx, string method)
    {
        var api = _explicitApi;
        if (!api.TryGet("DefinitionBody", out var body) || body is NullNode)
        {
            return;
        }

        var edits = ectx.Transform.State<DefinitionEdits>();
        edits.Run(() => EditOpenApi(ectx, api, body, method, edits.InPlace));
    }

    private void EditOpenApi(EventContext ectx, MapNode api, Node body, string method, bool inPlace)
    {
        var path = PathValue;
        var uri = LambdaIntegrationUri.Build(ectx.Function, "${AWS::Partition}", null, ectx.Transform.State<Py27State>().Active);
        var editor = new OpenApiEditor(body, inPlace);
        if (Py.Truthy(api.Get(DefaultDefinitionBodyPlugin.ManageSwagger)) && editor.HasIntegration(path, method))
        {
            throw Error($"API method '{method}' defined multiple times for path '{path}'.");
        }

        var condition = ectx.Function.Resource.Attributes.Get("Condition");
        // The names keep their Python 2.7 string type (the template's are unicode once converted).
        editor.AddLambdaIntegration(PyName.Of(Prop("Path") ?? new StringNode(path)), PyName.Of(Prop("Method") ?? new StringNode(method)).Lower(), uri, Py.Truthy(condition) ? condition : null);
        if (Prop("Auth") is MapNode auth && Py.Truthy(auth))
        {
            AddAuthToOpenApiIntegration(api, editor, auth, method);
        }

        if (Prop("TimeoutInMillis") is { } timeout && Py.Truthy(timeout))
        {
            editor.AddTimeoutToMethod(path, method, timeout);
        }

        var parameters = PathParameterRegex().Matches(path).Select(m => m.Groups[1].Value).ToList();
        if (parameters.Count > 0)
        {
            editor.AddPathParametersToMethod(path, method, parameters);
        }

        if (Prop("PayloadFormatVersion") is { } payload && Py.Truthy(payload))
        {
            editor.AddPayloadFormatVersionToMethod(path, method, payload);
        }

        api.Set("DefinitionBody", editor.Document);
    }

    [GeneratedRegex(@"^(.+)/$")]
    private static partial Regex TrailingSlashRegex();

    [GeneratedRegex("{(.*?)}")]
    private static partial Regex PathParameterRegex();
}
