using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.HttpApi;

/// <summary>
/// The properties an HTTP API keeps in its OpenAPI body: CorsConfiguration, Tags, the endpoint
/// configuration, Name (info.title) and Description. Each needs an inline DefinitionBody.
/// </summary>
public sealed partial class HttpApiGenerator
{
    private const string CorsWildcard = "*";
    private static readonly string[] CorsFields = ["AllowMethods", "AllowHeaders", "AllowOrigins", "MaxAge", "ExposeHeaders", "AllowCredentials"];

    /// <summary>CorsConfiguration: true allows any origin; an intrinsic is taken as the whole configuration.</summary>
    private void AddCors()
    {
        var cors = CorsConfiguration!;
        if (!Py.Truthy(DefinitionBody))
        {
            throw Error("Cors works only with inline OpenApi specified in 'DefinitionBody' property.", cors);
        }

        Node? allowOrigins = null, allowHeaders = null, allowMethods = null, exposeHeaders = null, maxAge = null;
        Node allowCredentials = false;
        if (cors is BoolNode)
        {
            allowOrigins = N.Seq(CorsWildcard);
        }
        else if (Intrinsics.IsIntrinsic(cors))
        {
            allowOrigins = cors;
        }
        else if (cors is MapNode map)
        {
            foreach (var key in map.Keys)
            {
                if (!CorsFields.Contains(key))
                {
                    throw Error($"Invalid key '{key}' for 'Cors' property.", map);
                }
            }

            allowOrigins = map.Get("AllowOrigins");
            allowHeaders = map.Get("AllowHeaders");
            allowMethods = map.Get("AllowMethods");
            exposeHeaders = map.Get("ExposeHeaders");
            maxAge = map.Get("MaxAge");
            allowCredentials = map.Get("AllowCredentials") ?? allowCredentials;
        }
        else
        {
            throw Error("Invalid value for 'Cors' property.", cors);
        }

        if (!OpenApiEditor.IsValid(DefinitionBody))
        {
            throw Error("Unable to add Cors configuration because 'DefinitionBody' does not contain a valid OpenApi definition.", DefinitionBody);
        }

        if (allowCredentials is BoolNode { Value: true } && Py.Equal(allowOrigins, N.Seq(CorsWildcard)))
        {
            throw Error("Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set.", cors);
        }

        var editor = new OpenApiEditor(DefinitionBody, inPlace: true);

        // CORS set both in the body and as CorsConfiguration: the property's headers win.
        editor.AddCors(allowOrigins, allowHeaders, allowMethods, exposeHeaders, maxAge, allowCredentials);
        DefinitionBody = editor.Document;
    }

    /// <summary>Tags go into the body as x-amazon-apigateway-tag-value entries, with SAM's own tag.</summary>
    private void AddTags()
    {
        if (Py.Truthy(Tags) && !Py.Truthy(DefinitionBody))
        {
            throw Error("Tags works only with inline OpenApi specified in the 'DefinitionBody' property.", Tags);
        }

        if (!Py.Truthy(DefinitionBody))
        {
            return;
        }

        if (Py.Truthy(Tags) && !OpenApiEditor.IsValid(DefinitionBody))
        {
            throw Error("Unable to add `Tags` because 'DefinitionBody' does not contain a valid OpenApi definition.", DefinitionBody);
        }

        if (!OpenApiEditor.IsValid(DefinitionBody))
        {
            return;
        }

        if (!Py.Truthy(Tags) || Tags is not MapNode)
        {
            Tags = new MapNode();
        }

        var tags = (MapNode)Tags;
        tags.Set(DefaultTagName, "SAM");
        var editor = new OpenApiEditor(DefinitionBody, inPlace: true);
        editor.AddTags(tags);
        DefinitionBody = editor.Document;
    }

    /// <summary>DisableExecuteApiEndpoint goes into the body's servers (SAM always has a body by then).</summary>
    private void AddEndpointConfiguration()
    {
        if (!Py.Truthy(DefinitionBody))
        {
            throw Error("DisableExecuteApiEndpoint works only within 'DefinitionBody' property.", DisableExecuteApiEndpoint);
        }

        var editor = new OpenApiEditor(DefinitionBody, inPlace: true);
        editor.AddEndpointConfig(DisableExecuteApiEndpoint!);
        DefinitionBody = editor.Document;
    }

    /// <summary>Name becomes info.title, unless the body has a title of its own.</summary>
    private void AddTitle()
    {
        if (!Py.Truthy(Name))
        {
            return;
        }

        if (!Py.Truthy(DefinitionBody))
        {
            throw Error("Name works only with inline OpenApi specified in the 'DefinitionBody' property.", Name);
        }

        var title = DictPath.Get(DefinitionBody, ["info", "title"], out var error, out var at);
        if (error is not null)
        {
            throw Error($"Invalid 'DefinitionBody': {error}.", at is { Span.IsKnown: true } ? at : DefinitionBody);
        }

        if (!Py.Equal(title, OpenApiEditor.DefaultOpenApiTitle()))
        {
            throw Error("Unable to set Name because it is already defined within inline OpenAPI specified in the 'DefinitionBody' property.", Name);
        }

        var editor = new OpenApiEditor(DefinitionBody, inPlace: true);
        editor.AddTitle(Name!);
        DefinitionBody = editor.Document;
    }

    /// <summary>Description becomes info.description, unless the body has one.</summary>
    private void AddDescription()
    {
        if (!Py.Truthy(Description))
        {
            return;
        }

        if (!Py.Truthy(DefinitionBody))
        {
            throw Error("Description works only with inline OpenApi specified in the 'DefinitionBody' property.", Description);
        }

        var existing = DictPath.Get(DefinitionBody, ["info", "description"], out var error, out var at);
        if (error is not null)
        {
            // The reference's message ends in a stray quote.
            throw Error($"Invalid 'DefinitionBody': {error}'.", at is { Span.IsKnown: true } ? at : DefinitionBody);
        }

        if (Py.Truthy(existing))
        {
            throw Error("Unable to set Description because it is already defined within inline OpenAPI specified in the 'DefinitionBody' property.", Description);
        }

        var editor = new OpenApiEditor(DefinitionBody, inPlace: true);
        editor.AddDescription(Description!);
        DefinitionBody = editor.Document;
    }

    /// <summary>
    /// With FailOnWarnings, the "$default" path becomes "/$default": API Gateway warns about paths that do not
    /// start with "/", and the warning fails the deployment (#2297).
    /// </summary>
    private void UpdateDefaultPath()
    {
        if (!Py.Truthy(FailOnWarnings) || !Py.Truthy(DefinitionBody) || DefinitionBody is not MapNode body)
        {
            return;
        }

        if (body.Get("paths") is MapNode paths && paths.TryGet(HttpApiGenerator.DefaultStageName, out var defaultPath))
        {
            paths.Remove(DefaultStageName);
            paths.Set("/" + DefaultStageName, defaultPath);
        }
    }
}
