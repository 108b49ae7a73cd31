using SamPerms.Model;
using SamPerms.Model.Py27;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>A gateway response as the editor writes it.</summary>
public interface ISwaggerGatewayResponse
{
    MapNode GenerateSwagger();
}

public sealed partial class SwaggerEditor
{
    public static string ValidatorName(bool validateBody, bool validateParameters) => (validateBody, validateParameters) switch
    {
        (true, true) => "body-and-params",
        (true, false) => "body-only",
        (false, true) => "params-only",
        _ => "no-validation",
    };

    /// <summary>Defines the request validator once and points the method at it.</summary>
    public void AddRequestValidatorToMethod(PyName path, PyName method, bool validateBody, bool validateParameters)
    {
        var name = ValidatorName(validateBody, validateParameters);
        var definition = MapNode.NewPy27();
        var validator = MapNode.NewPy27();
        definition.Set(name, validator);
        validator.Set("validateRequestBody", validateBody);
        validator.Set("validateRequestParameters", validateParameters);
        if (!Py.Truthy(Doc.Get(RequestValidatorsKey)))
        {
            Doc.Set(RequestValidatorsKey, MapNode.NewPy27());
        }

        var validators = (MapNode)Doc.Get(RequestValidatorsKey)!;
        if (!Py.Truthy(validators.Get(name)))
        {
            validators.Update(definition);
        }

        foreach (var md in IterOnMethodDefinitionsForPathAtMethod(path, method))
        {
            md.Update(MapNode.Py27From(N.Map((RequestValidatorKey, name))));
        }
    }

    /// <summary>Adds the body model parameter (Swagger) or requestBody (OpenAPI 3) of the event's RequestModel.</summary>
    public void AddRequestModelToMethod(PyName path, PyName method, MapNode requestModel)
    {
        var modelNode = requestModel.Get("Model");
        var modelName = modelNode is StringNode ms ? ms.Derive(ms.Value.ToLowerInvariant()) : new StringNode(Py.Str(modelNode).ToLowerInvariant());
        var required = requestModel.Get("Required");
        foreach (var md in IterOnMethodDefinitionsForPathAtMethod(path, method))
        {
            if (Doc.Get("swagger") is not null and not NullNode)
            {
                var parameters = md.Get("parameters") as SeqNode ?? new SeqNode();
                var parameter = MapNode.NewPy27();
                parameter.Set("in", "body");
                parameter.Set("name", modelName);
                parameter.Set("schema", N.Map(("$ref", $"#/definitions/{modelName.Value}")));
                if (required is not null and not NullNode)
                {
                    parameter.Set("required", required);
                }

                parameters.Add(parameter);
                md.Set("parameters", parameters);
            }
            else if (Py.Truthy(Doc.Get("openapi")) && IsOpenApi3(Doc.Get("openapi")))
            {
                var schema = N.Map(("$ref", $"#/components/schemas/{modelName.Value}"));
                var body = N.Map(("content", N.Map(("application/json", N.Map(("schema", schema))))));
                md.Set("requestBody", body);
                if (required is not null and not NullNode)
                {
                    body.Set("required", required);
                }
            }
        }
    }

    /// <summary>Adds each request parameter (and its cache key) to the method.</summary>
    public void AddRequestParametersToMethod(PyName path, PyName method, IReadOnlyList<(StringNode Name, Node Required, Node Caching)> parameters)
    {
        foreach (var md in IterOnMethodDefinitionsForPathAtMethod(path, method))
        {
            var existing = md.Get("parameters") as SeqNode ?? new SeqNode();
            foreach (var (name, required, caching) in parameters)
            {
                var locationName = name.Value.Replace("method.request.", "", StringComparison.Ordinal);
                var split = locationName.Split('.', 2);
                var location = split[0] == "querystring" ? new StringNode("query") : name.Derive(split[0]);
                var parameter = MapNode.NewPy27();
                parameter.Set("in", location);
                parameter.Set("name", name.Derive(split.Length > 1 ? split[1] : ""));
                parameter.Set("required", required);
                parameter.Set("type", "string");
                existing.Add(parameter);
                if (Py.Truthy(caching))
                {
                    var integration = (MapNode)md.Get(Integration)!;
                    var cacheParameters = integration.Get(CacheKeyParameters) as SeqNode ?? new SeqNode();
                    cacheParameters.Add(name);
                    integration.Set(CacheKeyParameters, cacheParameters);
                }
            }

            md.Set("parameters", existing);
        }
    }

    /// <summary>Writes the gateway responses (in their Python 2.7 order).</summary>
    public void AddGatewayResponses<T>(Py27Dict<T> responses) where T : ISwaggerGatewayResponse
    {
        _gatewayResponses = TruthyOr(_gatewayResponses);
        foreach (var (type, unicode, response) in responses.Items())
        {
            ((MapNode)_gatewayResponses).Set(type, response.GenerateSwagger(), unicode);
        }
    }

    /// <summary>Adds the models (names lower-cased) to definitions.</summary>
    public void AddModels(MapNode models)
    {
        _definitions = TruthyOr(_definitions);
        foreach (var e in models.Entries)
        {
            var schema = (MapNode)e.Value;
            if (!Py.Truthy(schema.Get("type")))
            {
                throw EditorErrors.Document("'Models' schema is missing 'type'.", schema);
            }

            ((MapNode)_definitions).Set(e.Key.ToLowerInvariant(), schema, e.KeyUnicode);
        }
    }
}
