using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>
/// Reads and edits an OpenAPI 3 document the way SAM does for HTTP APIs (the reference's open_api/open_api.py).
/// It works on a deep copy of the document it is given; <see cref="OpenApi"/> hands back a new copy with the
/// edits, so callers write the result back where they want it (as the reference does). Security and the
/// document-wide settings are in the <c>OpenApiEditor.Security.cs</c> and <c>OpenApiEditor.Settings.cs</c> parts.
/// </summary>
public sealed partial class OpenApiEditor : BaseEditor
{
    public const string XApigwTagValue = "x-amazon-apigateway-tag-value";
    public const string XApigwCors = "x-amazon-apigateway-cors";
    public const string XApigwEndpointConfig = "x-amazon-apigateway-endpoint-configuration";
    public const string DefaultPath = "$default";

    private readonly MapNode _doc;

    public OpenApiEditor(Node? doc)
    {
        if (!Py.Truthy(doc) || !IsValid(doc))
        {
            throw Invalid("Invalid OpenApi document. Invalid values or missing keys for 'openapi' or 'paths' in 'DefinitionBody'.", doc);
        }

        _doc = (MapNode)doc!.Clone();
        Paths = (MapNode)_doc.Get("paths")!;
        try
        {
            SecuritySchemes = OrDefault(DictDeepGet(_doc, "components", "securitySchemes"), () => new MapNode());
            Definitions = OrDefault(DictDeepGet(_doc, "definitions"), () => new MapNode());
            Tags = OrDefault(DictDeepGet(_doc, "tags"), () => new SeqNode());
            Info = OrDefault(DictDeepGet(_doc, "info"), () => new MapNode());
        }
        catch (InvalidValueTypeException ex)
        {
            throw Invalid($"Invalid OpenApi document: {ex.Message}", doc);
        }
    }

    /// <summary>components.securitySchemes (a new map when the document has none).</summary>
    public Node SecuritySchemes { get; private set; }

    public Node Definitions { get; }

    /// <summary>The document's tags (a new list when it has none).</summary>
    public Node Tags { get; }

    public Node Info { get; }

    /// <summary>The title SAM puts in a generated document: {"Ref": "AWS::StackName"}.</summary>
    public static MapNode DefaultOpenApiTitle() => N.Ref("AWS::StackName");

    /// <summary>
    /// True when the integration at path/method (in every branch) invokes the given function's ARN, i.e. its
    /// uri's Fn::Sub names "${LogicalId.Arn}".
    /// </summary>
    public bool IsIntegrationFunctionLogicalIdMatch(string pathName, string methodName, string logicalId)
    {
        if (!HasIntegration(pathName, methodName))
        {
            return false;
        }

        methodName = NormalizeMethodName(methodName)!;
        foreach (var md in IterOnMethodDefinitionsForPathAtMethod(pathName, methodName, false))
        {
            var integration = md.Get(XApigwIntegration) ?? new MapNode();
            if (integration is not MapNode integrationMap)
            {
                throw Invalid($"Value of '{XApigwIntegration}' must be a dictionary according to Swagger spec.", integration);
            }

            if (integrationMap.Get("uri") is not MapNode uri)
            {
                return false;
            }

            foreach (var uriContent in GetConditionalContents(uri))
            {
                var arn = (uriContent as MapNode)?.Get("Fn::Sub") as StringNode;
                var match = arn is null ? Match.Empty : LambdaArnRegex().Match(arn.Value);
                if (!match.Success || match.Groups[1].Value.Split(".Arn")[0] != logicalId)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Adds an aws_proxy integration (payload 2.0) at path/method unless one is there. With a condition, the
    /// uri and then the whole method definition are wrapped in Fn::If.
    /// </summary>
    public void AddLambdaIntegration(string path, string method, Node integrationUri, string? condition = null, Node? invokeMode = null)
    {
        method = NormalizeMethodName(method)!;
        if (HasIntegration(path, method))
        {
            return;
        }

        AddPath(path, method);
        if (condition is not null)
        {
            integrationUri = N.If(condition, integrationUri);
        }

        foreach (var pathItem in GetConditionalContents(Paths.Get(path)))
        {
            var item = ValidatePathItemIsDict(pathItem, path);
            if (item.Get(method) is null or NullNode)
            {
                item.Set(method, new MapNode());
            }

            if (item.Get(method) is not MapNode md)
            {
                continue;
            }

            var integration = new MapNode();
            integration.Set("type", "aws_proxy");
            integration.Set("httpMethod", "POST");
            integration.Set("payloadFormatVersion", "2.0");
            integration.Set("uri", integrationUri);
            if (Py.Truthy(invokeMode))
            {
                integration.Set("invokeMode", invokeMode!);
            }

            md.Set(XApigwIntegration, integration);
            if (path == DefaultPath && method == XAnyMethod)
            {
                md.Set("isDefaultRoute", true);
            }

            if (!md.ContainsKey("responses"))
            {
                md.Set("responses", new MapNode());
            }

            if (condition is not null)
            {
                item.Set(method, N.If(condition, md));
            }
        }
    }

    /// <summary>(method, definition) for every method of a path, through Fn::If, by default only with integrations.</summary>
    public IEnumerable<(string Method, MapNode Definition)> IterOnAllMethodsForPath(string pathName, bool skipMethodsWithoutApigwIntegration = true)
    {
        var result = new List<(string, MapNode)>();
        foreach (var pathItem in GetConditionalContents(Paths.Get(pathName)))
        {
            var item = ValidatePathItemIsDict(pathItem, pathName);
            foreach (var (methodName, method) in item)
            {
                foreach (var definition in GetConditionalContents(method))
                {
                    var md = ValidateMethodDefinitionIsDict(definition, pathName, methodName);
                    if (skipMethodsWithoutApigwIntegration && !MethodDefinitionHasIntegration(md))
                    {
                        continue;
                    }

                    result.Add((NormalizeMethodName(methodName)!, md));
                }
            }
        }

        return result;
    }

    /// <summary>Declares each {param} of the path as a required path parameter (updating one already listed).</summary>
    public void AddPathParametersToMethod(string path, string methodName, IEnumerable<string> pathParameters)
    {
        var names = pathParameters.ToList();
        foreach (var md in IterOnMethodDefinitionsForPathAtMethod(path, methodName))
        {
            if (!md.TryGet("parameters", out var existing))
            {
                existing = new SeqNode();
                md.Set("parameters", existing);
            }

            if (existing is not SeqNode parameters)
            {
                continue;
            }

            foreach (var param in names)
            {
                var found = parameters.Items.OfType<MapNode>().FirstOrDefault(p => p.Get("name") is StringNode n && n.Value == param);
                if (found is not null)
                {
                    found.Set("in", "path");
                    found.Set("required", true);
                }
                else
                {
                    parameters.Add(N.Map(("name", param), ("in", "path"), ("required", true)));
                }
            }
        }
    }

    public void AddPayloadFormatVersionToMethod(string path, string methodName, Node payloadFormatVersion)
    {
        foreach (var md in IterOnMethodDefinitionsForPathAtMethod(path, methodName))
        {
            IntegrationOf(md).Set("payloadFormatVersion", payloadFormatVersion);
        }
    }

    public bool HasApiGatewayCors() => Py.Truthy(_doc.Get(XApigwCors));

    /// <summary>A copy of the document with the edits (paths, tags, security schemes, info) written back.</summary>
    public MapNode OpenApi
    {
        get
        {
            _doc.Set("paths", Paths);
            if (Py.Truthy(Tags))
            {
                _doc.Set("tags", Tags);
            }

            if (Py.Truthy(SecuritySchemes))
            {
                if (!Py.Truthy(_doc.Get("components")))
                {
                    _doc.Set("components", new MapNode());
                }

                (_doc.Get("components") as MapNode)?.Set("securitySchemes", SecuritySchemes);
            }

            if (Py.Truthy(Info))
            {
                _doc.Set("info", Info);
            }

            return (MapNode)_doc.Clone();
        }
    }

    /// <summary>An OpenAPI 3 document: a map with a "paths" map and an "openapi" version 3.x[.y].</summary>
    public static bool IsValid(Node? data)
    {
        if (Py.Truthy(data) && data is MapNode m && m.Get("paths") is MapNode && Py.Truthy(m.Get("openapi")))
        {
            return SafeCompareRegexWithString(OpenApiVersion3Regex(), m.Get("openapi"));
        }

        return false;
    }

    /// <summary>The empty document SAM starts an HTTP API from.</summary>
    public static MapNode GenSkeleton() => N.Map(
        ("openapi", "3.0.1"),
        ("info", N.Map(("version", "1.0"), ("title", DefaultOpenApiTitle()))),
        ("paths", new MapNode()));

    /// <summary>Path parameters ({id}, {proxy+}) become "*" for a permission's source ARN.</summary>
    public static string GetPathWithoutTrailingSlash(string path) => PathParameterRegex().Replace(path, "*");

    /// <summary>The reference's dict_deep_get: null when a step is missing, an error when a parent is not a map.</summary>
    public static Node? DictDeepGet(Node? d, params string[] path)
    {
        var relative = "";
        foreach (var step in path)
        {
            if (Py.IsNone(d))
            {
                return null;
            }

            if (d is not MapNode m)
            {
                throw new InvalidValueTypeException(relative);
            }

            d = m.Get(step);
            relative = (relative + "." + step).TrimStart('.');
        }

        return d is NullNode ? null : d;
    }

    private static Node OrDefault(Node? value, Func<Node> fallback) => Py.Truthy(value) ? value! : fallback();

    [GeneratedRegex(@"([A-Za-z0-9]+\.Arn)")]
    private static partial Regex LambdaArnRegex();

    [GeneratedRegex(@"{([a-zA-Z0-9._-]+|proxy\+)}")]
    private static partial Regex PathParameterRegex();
}

/// <summary>The reference's InvalidValueType: a step of a dotted path is not a map.</summary>
public sealed class InvalidValueTypeException(string relativePath)
    : Exception(relativePath.Length > 0 ? $"The value of '{relativePath}' should be a map" : "It should be a map");
