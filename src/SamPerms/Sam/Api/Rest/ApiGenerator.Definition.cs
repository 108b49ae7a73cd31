using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>GatewayResponses, BinaryMediaTypes and Models written into the definition, and the OpenAPI 3 fix-ups.</summary>
public sealed partial class ApiGenerator
{
    private static readonly string[] GatewayResponseProperties = ["ResponseParameters", "ResponseTemplates", "StatusCode"];

    private void AddGatewayResponses()
    {
        var responses = api.Prop("GatewayResponses");
        if (!Py.Truthy(responses))
        {
            return;
        }

        if (!Py.Truthy(_definitionBody))
        {
            throw Error("GatewayResponses works only with inline Swagger specified in 'DefinitionBody' property.");
        }

        var map = (MapNode)responses!;
        foreach (var e in map.Entries)
        {
            if (Intrinsics.IsIntrinsic(e.Value))
            {
                throw Error("Unable to set GatewayResponses attribute because intrinsic functions are not supported for this field.", e.Value);
            }

            if (e.Value is not MapNode response)
            {
                throw Error($"Invalid property type '{Py27Str.TypeName(e.Value)}' for GatewayResponses. Expected an object of type 'GatewayResponse'.", e.Value);
            }

            foreach (var key in response.Keys)
            {
                if (!GatewayResponseProperties.Contains(key))
                {
                    throw Error($"Invalid property '{key}' in 'GatewayResponses' property '{e.Key}'.", response);
                }
            }
        }

        if (!SwaggerEditor.IsValid(_definitionBody))
        {
            throw Error("Unable to add Auth configuration because 'DefinitionBody' does not contain a valid Swagger definition.");
        }

        var editor = new SwaggerEditor(_definitionBody, inPlace: true);
        var gatewayResponses = new Py27Dict<ApiGatewayResponse>();
        foreach (var e in map.Entries)
        {
            var response = Expect.That(e.Value, _logicalId, $"GatewayResponses.{e.Key}").ToBeMap();
            var parameters = response.TryGet("ResponseParameters", out var p) ? p : MapNode.NewPy27();
            var templates = response.TryGet("ResponseTemplates", out var t) ? t : MapNode.NewPy27();
            if (Py.Truthy(parameters))
            {
                Expect.That(parameters, _logicalId, $"GatewayResponses.{e.Key}.ResponseParameters").ToBeMap();
            }

            gatewayResponses.Set(e.Key, e.KeyUnicode, new ApiGatewayResponse(_logicalId, parameters, templates, response.Get("StatusCode")));
        }

        if (gatewayResponses.Count > 0)
        {
            editor.AddGatewayResponses(gatewayResponses);
        }

        _definitionBody = editor.Document;
    }

    private void AddBinaryMediaTypes()
    {
        // No definition is not an error here, for backwards compatibility.
        if (!Py.Truthy(BinaryMedia) || !Py.Truthy(_definitionBody))
        {
            return;
        }

        var editor = new SwaggerEditor(_definitionBody, inPlace: true);
        editor.AddBinaryMediaTypes(BinaryMedia!);
        _definitionBody = editor.Document;
    }

    private void AddModels()
    {
        var models = api.Prop("Models");
        if (!Py.Truthy(models))
        {
            return;
        }

        if (!Py.Truthy(_definitionBody))
        {
            throw Error("Models works only with inline Swagger specified in 'DefinitionBody' property.");
        }

        if (!SwaggerEditor.IsValid(_definitionBody))
        {
            throw Error("Unable to add Models definitions because 'DefinitionBody' does not contain a valid Swagger definition.");
        }

        var map = (MapNode)models!;
        if (!map.Values.All(v => v is MapNode))
        {
            throw Error("Invalid value for 'Models' property");
        }

        var editor = new SwaggerEditor(_definitionBody, inPlace: true);
        editor.AddModels(map);
        _definitionBody = OpenApiPostprocess(editor.Document);
    }

    /// <summary>
    /// For OpenAPI 3 (the document's or OpenApiVersion's), move securityDefinitions/definitions under components
    /// and make CORS preflight methods valid OpenAPI 3 (no produces/consumes, headers with a schema).
    /// </summary>
    private MapNode OpenApiPostprocess(MapNode body)
    {
        if (body.Get("swagger") is not null and not NullNode)
        {
            return body;
        }

        var version = body.Get("openapi") is not null and not NullNode && OpenApiVersion is null ? body.Get("openapi") : OpenApiVersion;
        if (!Py.Truthy(version) || !SwaggerEditor.IsOpenApi3(version))
        {
            return body;
        }

        MoveToComponents(body, SwaggerEditor.SecurityDefinitionsKey, "securitySchemes");
        MoveToComponents(body, "definitions", "schemas");
        var paths = body.Get("paths");
        if (!Py.Truthy(paths))
        {
            return body;
        }

        var pathsMap = OpenApiEditorBase.ValidateIsDict(paths, "Value of paths must be a dictionary according to Swagger spec.");
        foreach (var e in pathsMap.Entries)
        {
            var pathItem = OpenApiEditorBase.ValidatePathItemIsDict(e.Value, e.Key);
            if (!Py.Truthy(pathItem.Get("options")))
            {
                continue;
            }

            var optionsMap = OpenApiEditorBase.ValidateIsDict(pathItem.Get("options"), $"Value of options method for path {e.Key} must be a dictionary according to Swagger spec.");
            var options = optionsMap.ShallowCopy();
            foreach (var field in options.Entries)
            {
                if (field.Key is "produces" or "consumes")
                {
                    optionsMap.Remove(field.Key);
                }

                if (field.Key == "responses")
                {
                    var headers = DictPath.Get(field.Value, ["200", "headers"], out var error, out var at);
                    if (error is not null)
                    {
                        throw EditorErrors.Document($"Invalid responses in options method for path {e.Key}: {error}.", at);
                    }

                    if (!Py.Truthy(headers))
                    {
                        continue;
                    }

                    var headerMap = OpenApiEditorBase.ValidateIsDict(headers, $"Value of response's headers in options method for path {e.Key} must be a dictionary according to Swagger spec.");
                    foreach (var h in headerMap.Entries.ToArray())
                    {
                        var withSchema = MapNode.NewPy27();
                        withSchema.Set("schema", h.Value);
                        headerMap.Set(h.Key, withSchema);
                    }
                }
            }
        }

        return body;
    }

    private static void MoveToComponents(MapNode body, string from, string to)
    {
        if (!Py.Truthy(body.Get(from)))
        {
            return;
        }

        var components = body.TryGet("components", out var c) ? c : MapNode.NewPy27();
        if (!Py.Truthy(components))
        {
            components = MapNode.NewPy27();
        }

        // The reference fails with a Python error on components that are not a map; refuse it in the editors' words.
        var componentsMap = components as MapNode
            ?? throw EditorErrors.Document("Value of 'components' must be a dictionary according to Swagger spec.", components);
        componentsMap.Set(to, body.Get(from)!);
        body.Set("components", components);
        body.Remove(from);
    }
}
