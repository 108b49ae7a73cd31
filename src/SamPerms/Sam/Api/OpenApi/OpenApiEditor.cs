using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>
/// Reads and edits an OpenAPI 3 document the way SAM does for HTTP APIs (the reference's open_api/open_api.py).
/// It works on a deep copy of the document it is given; <see cref="Document"/> hands back a new copy with the
/// edits, so callers write the result back where they want it (as the reference does). Maps the reference
/// creates as Python 2.7 dicts are created so here too. Security and the document-wide settings are in the
/// <c>OpenApiEditor.Security.cs</c> and <c>OpenApiEditor.Settings.cs</c> parts.
/// </summary>
public sealed partial class OpenApiEditor : OpenApiEditorBase
{
    public const string XApigwTagValue = "x-amazon-apigateway-tag-value";
    public const string XApigwCors = "x-amazon-apigateway-cors";
    public const string XApigwEndpointConfig = "x-amazon-apigateway-endpoint-configuration";
    public const string DefaultPath = "$default";

    public OpenApiEditor(Node? doc, bool inPlace = false)
        : this(doc, inPlace, readOnly: false)
    {
    }

    private OpenApiEditor(Node? doc, bool inPlace, bool readOnly)
    {
        if (!Py.Truthy(doc) || !IsValid(doc))
        {
            throw EditorErrors.Document("Invalid OpenApi document. Invalid values or missing keys for 'openapi' or 'paths' in 'DefinitionBody'.", doc);
        }

        Doc = Take(doc!, inPlace, readOnly);
        Paths = (MapNode)Doc.Get("paths")!;
        SecuritySchemes = OrDefault(DeepGet(doc, "components", "securitySchemes"), MapNode.NewPy27);
        Tags = OrDefault(DeepGet(doc, "tags"), () => new SeqNode());
        Info = OrDefault(DeepGet(doc, "info"), MapNode.NewPy27);
    }

    /// <summary>An editor for looking keys up in the document (it validates it as the reference's does), which copies nothing.</summary>
    public static OpenApiEditor Reading(Node? doc) => new(doc, inPlace: false, readOnly: true);

    /// <summary>components.securitySchemes (a new map when the document has none).</summary>
    public Node SecuritySchemes { get; private set; }

    /// <summary>The document's tags (a new list when it has none).</summary>
    public Node Tags { get; }

    public Node Info { get; }

    /// <summary>The title SAM puts in a generated document: {"Ref": "AWS::StackName"}.</summary>
    public static MapNode DefaultOpenApiTitle() => N.Ref("AWS::StackName");

    /// <summary>dict_deep_get on the copy; a parent that is not a map makes the document invalid.</summary>
    private Node? DeepGet(Node? original, params string[] path)
    {
        var value = DictPath.Get(Doc, path, out var error, out var at);
        if (error is not null)
        {
            throw EditorErrors.Document($"Invalid OpenApi document: {error}", at is { Span.IsKnown: true } ? at : original);
        }

        return value;
    }

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

        methodName = NormalizeMethodName(methodName);
        foreach (var md in IterOnMethodDefinitionsForPathAtMethod(pathName, methodName, false))
        {
            var integration = md.Get(Integration) ?? MapNode.NewPy27();
            if (integration is not MapNode integrationMap)
            {
                throw EditorErrors.Document($"Value of '{Integration}' must be a dictionary according to Swagger spec.", integration);
            }

            if (integrationMap.Get("uri") is not MapNode uri)
            {
                return false;
            }

            foreach (var uriContent in ConditionalContents(uri))
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
    public void AddLambdaIntegration(PyName path, PyName method, Node integrationUri, Node? condition = null, Node? invokeMode = null)
    {
        method = NormalizeMethodName(method);
        if (HasIntegration(path, method))
        {
            return;
        }

        AddPath(path, method);
        if (condition is not null)
        {
            integrationUri = MakeConditional(condition, integrationUri);
        }

        foreach (var pathItem in ConditionalContents(Paths.Get(path)))
        {
            var item = ValidatePathItemIsDict(pathItem, path);
            if (item.Get(method) is null or NullNode)
            {
                item.Set(method, MapNode.NewPy27(), method.Unicode);
            }

            if (item.Get(method) is not MapNode md)
            {
                continue;
            }

            var integration = MapNode.NewPy27();
            md.Set(Integration, integration);
            integration.Set("type", "aws_proxy");
            integration.Set("httpMethod", "POST");
            integration.Set("payloadFormatVersion", "2.0");
            integration.Set("uri", integrationUri);
            if (Py.Truthy(invokeMode))
            {
                integration.Set("invokeMode", invokeMode!);
            }

            if (path.Value == DefaultPath && method.Value == AnyMethod)
            {
                md.Set("isDefaultRoute", true);
            }

            md.SetDefault("responses", MapNode.NewPy27());
            if (condition is not null)
            {
                item.Set(method, MakeConditional(condition, md));
            }
        }
    }

    /// <summary>(method, definition) for every method of a path, through Fn::If, by default only with integrations.</summary>
    public IEnumerable<(string Method, MapNode Definition)> IterOnAllMethodsForPath(string pathName, bool skipMethodsWithoutApigwIntegration = true)
    {
        var result = new List<(string, MapNode)>();
        foreach (var pathItem in ConditionalContents(Paths.Get(pathName)))
        {
            var item = ValidatePathItemIsDict(pathItem, pathName);
            foreach (var (methodName, method) in item)
            {
                foreach (var definition in ConditionalContents(method))
                {
                    var md = ValidateMethodDefinitionIsDict(definition, pathName, methodName);
                    if (skipMethodsWithoutApigwIntegration && !MethodDefinitionHasIntegration(md))
                    {
                        continue;
                    }

                    result.Add((NormalizeMethodName(methodName), md));
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
            if (md.SetDefault("parameters", new SeqNode()) is not SeqNode parameters)
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
                    var parameter = MapNode.NewPy27();
                    parameter.Set("name", new StringNode(param) { Unicode = true });
                    parameter.Set("in", "path");
                    parameter.Set("required", true);
                    parameters.Add(parameter);
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

    /// <summary>A copy of the document with the edits (paths, tags, security schemes, info) written back (the reference's .openapi).</summary>
    public override MapNode Document
    {
        get
        {
            Doc.Set("paths", Paths);
            if (Py.Truthy(Tags))
            {
                Doc.Set("tags", Tags);
            }

            if (Py.Truthy(SecuritySchemes))
            {
                if (!Py.Truthy(Doc.Get("components")))
                {
                    Doc.Set("components", MapNode.NewPy27());
                }

                (Doc.Get("components") as MapNode)?.Set("securitySchemes", SecuritySchemes);
            }

            if (Py.Truthy(Info))
            {
                Doc.Set("info", Info);
            }

            return HandBack();
        }
    }

    /// <summary>An OpenAPI 3 document: a map with a "paths" map and an "openapi" version 3.x[.y].</summary>
    public static bool IsValid(Node? data)
    {
        if (Py.Truthy(data) && data is MapNode m && m.Get("paths") is MapNode && Py.Truthy(m.Get("openapi")))
        {
            return SafeCompareRegexWithString(OpenApiVersion3Regex, m.Get("openapi"));
        }

        return false;
    }

    /// <summary>The empty document SAM starts an HTTP API from (Python 2.7 dicts filled key by key, as the reference does).</summary>
    public static MapNode GenSkeleton()
    {
        var skeleton = MapNode.NewPy27();
        skeleton.Set("openapi", "3.0.1");
        var info = MapNode.NewPy27();
        skeleton.Set("info", info);
        info.Set("version", "1.0");
        info.Set("title", DefaultOpenApiTitle());
        skeleton.Set("paths", MapNode.NewPy27());
        return skeleton;
    }

    /// <summary>Path parameters ({id}, {proxy+}) become "*" for a permission's source ARN.</summary>
    public static string GetPathWithoutTrailingSlash(string path) => PathParameterRegex().Replace(path, "*");

    /// <summary>The method's integration map (the caller checked it exists).</summary>
    private static MapNode IntegrationOf(MapNode methodDefinition) =>
        methodDefinition.Get(Integration) as MapNode
        ?? throw EditorErrors.Document($"Value of '{Integration}' must be a dictionary according to Swagger spec.", methodDefinition);

    private static Node OrDefault(Node? value, Func<Node> fallback) => Py.Truthy(value) ? value! : fallback();

    [GeneratedRegex(@"([A-Za-z0-9]+\.Arn)")]
    private static partial Regex LambdaArnRegex();

    [GeneratedRegex(@"{([a-zA-Z0-9._-]+|proxy\+)}")]
    private static partial Regex PathParameterRegex();
}
