using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>One of an API's GatewayResponses, rendered as x-amazon-apigateway-gateway-responses wants it.</summary>
public sealed class ApiGatewayResponse : ISwaggerGatewayResponse
{
    private static readonly string[] ParameterProperties = ["Headers", "Paths", "QueryStrings"];
    private readonly string _apiLogicalId;
    private readonly Node _parameters;
    private readonly Node _templates;
    private readonly StringNode? _statusCode;

    public ApiGatewayResponse(string apiLogicalId, Node? responseParameters, Node? responseTemplates, Node? statusCode)
    {
        if (Py.Truthy(responseParameters) && responseParameters is MapNode rp)
        {
            foreach (var key in rp.Keys)
            {
                if (!ParameterProperties.Contains(key))
                {
                    throw new InvalidResourceException(apiLogicalId, $"Invalid gateway response parameter '{key}'").Locate(rp);
                }
            }
        }

        // str() of a unicode string is a plain string.
        var code = statusCode is null or NullNode ? null : new StringNode(Py.Str(statusCode));
        if (Py.Truthy(statusCode) && !Regex.IsMatch(code!.Value, "^[0-9]{1,3}$"))
        {
            throw new InvalidResourceException(apiLogicalId, "Property 'StatusCode' must be numeric").Locate(statusCode);
        }

        _apiLogicalId = apiLogicalId;
        _parameters = Py.Truthy(responseParameters) ? responseParameters! : MapNode.NewPy27();
        _templates = Py.Truthy(responseTemplates) ? responseTemplates! : MapNode.NewPy27();
        _statusCode = code;
    }

    public MapNode GenerateSwagger()
    {
        var swagger = MapNode.NewPy27();
        swagger.Set("responseParameters", AddPrefixes());
        swagger.Set("responseTemplates", _templates);
        if (_statusCode is not null && _statusCode.Value.Length > 0)
        {
            swagger.Set("statusCode", _statusCode);
        }

        return swagger;
    }

    private MapNode AddPrefixes()
    {
        var prefixed = MapNode.NewPy27();
        foreach (var (property, prefix) in new[] { ("Headers", "header."), ("Paths", "path."), ("QueryStrings", "querystring.") })
        {
            var value = (_parameters as MapNode)?.Get(property) ?? new MapNode();
            var map = Expect.That(value, _apiLogicalId, $"ResponseParameters.{property}").ToBeMap();
            foreach (var e in map.Entries)
            {
                prefixed.Set("gatewayresponse." + prefix + e.Key, e.Value, e.KeyUnicode);
            }
        }

        return prefixed;
    }
}
