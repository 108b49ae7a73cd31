using System.Runtime.CompilerServices;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>
/// Reads and edits a Swagger 2.0 (or OpenAPI 3 REST) document the way the reference's SwaggerEditor does: on a
/// deep copy, with every dict SAM adds being a Python 2.7 dict filled key by key, so that the document (and its
/// str(), which the deployment hash uses) comes out as the reference's. Feature edits live in partial files.
/// </summary>
public sealed partial class SwaggerEditor : OpenApiEditorBase
{
    public const string OptionsMethod = "options";
    public const string BinaryMediaTypesKey = "x-amazon-apigateway-binary-media-types";
    public const string GatewayResponsesKey = "x-amazon-apigateway-gateway-responses";
    public const string PolicyKey = "x-amazon-apigateway-policy";
    public const string RequestValidatorsKey = "x-amazon-apigateway-request-validators";
    public const string RequestValidatorKey = "x-amazon-apigateway-request-validator";
    public const string EndpointConfigKey = "x-amazon-apigateway-endpoint-configuration";
    public const string CacheKeyParameters = "cacheKeyParameters";
    public const string SecurityDefinitionsKey = "securityDefinitions";
    private static readonly string[] ExcludedPathFields = ["summary", "description", "parameters"];

    // The document's sections as found (null: absent). An absent or empty one becomes an empty dict, as the reference's
    // editor makes it at once, only when it is edited (TruthyOr there): most editors edit none of them.
    private Node? _securityDefinitions;
    private Node? _gatewayResponses;
    private Node? _resourcePolicy;
    private Node? _definitions;

    /// <summary>Starts editing a copy of the document (which must be a valid Swagger/OpenAPI 3 document), or the document itself in place.</summary>
    public SwaggerEditor(Node? doc, bool inPlace = false)
    {
        if (!Py.Truthy(doc) || !IsValid(doc))
        {
            throw EditorErrors.Document("Invalid Swagger document or the Swagger document is not explicitly defined in 'DefinitionBody'.", doc);
        }

        Doc = Take(doc!, inPlace);
        Paths = (MapNode)Doc.Get("paths")!;
        _securityDefinitions = Doc.Get(SecurityDefinitionsKey);
        _gatewayResponses = Doc.Get(GatewayResponsesKey);
        _resourcePolicy = Doc.Get(PolicyKey);
        _definitions = Doc.Get("definitions");

        // Every path item must be a dict (even an empty one): check them all once.
        // A map that is no Fn::If is valid: only the others are read (which touches no other path). Paths found all
        // plain stay so until an entry changes or some map gets an Fn::If key: then the check need not run again.
        if (KnownAllPlain(Paths))
        {
            return;
        }

        var toRead = Paths.KeysWhere(item => item is not MapNode plain || plain.ContainsKey(ConditionalIf));
        if (toRead.Count == 0)
        {
            NoteAllPlain(Paths);
        }

        foreach (var (key, unicode) in toRead)
        {
            var path = new PyName(key, unicode);
            foreach (var item in ConditionalContents(Paths.Get(key)))
            {
                ValidatePathItemIsDict(item, path);
            }
        }
    }

    private static Node TruthyOr(Node? value) => Py.Truthy(value) ? value! : MapNode.NewPy27();

    /// <summary>A copy of the edited document (the reference's .swagger property).</summary>
    public override MapNode Document
    {
        get
        {
            if (Doc.ContainsKey("paths"))
            {
                Doc.Set("paths", Paths);
            }

            if (_securityDefinitions is { } securityDefinitions && Py.Truthy(securityDefinitions))
            {
                Doc.Set(SecurityDefinitionsKey, securityDefinitions);
            }

            if (_gatewayResponses is { } gatewayResponses && Py.Truthy(gatewayResponses))
            {
                Doc.Set(GatewayResponsesKey, gatewayResponses);
            }

            if (_definitions is { } definitions && Py.Truthy(definitions))
            {
                Doc.Set("definitions", definitions);
            }

            return HandBack();
        }
    }

    /// <summary>A dict whose paths is a dict and that has a truthy swagger, or an openapi 3.x version.</summary>
    public static bool IsValid(Node? data)
    {
        if (Py.Truthy(data) && data is MapNode m && m.Get("paths") is MapNode)
        {
            if (Py.Truthy(m.Get("swagger")))
            {
                return true;
            }

            if (Py.Truthy(m.Get("openapi")))
            {
                return SafeCompareRegexWithString(OpenApiVersion3Regex, m.Get("openapi"));
            }
        }

        return false;
    }

    public static bool IsOpenApi3(Node? version) => SafeCompareRegexWithString(OpenApiVersion3Regex, version);

    public const string SupportedOpenApiVersionsRegex = @"\A[2-3](\.\d)(\.\d)?$";

    /// <summary>An empty Swagger 2.0 document with just enough structure.</summary>
    public static MapNode GenSkeleton()
    {
        var skeleton = MapNode.NewPy27();
        skeleton.Set("swagger", "2.0");
        var info = MapNode.NewPy27();
        skeleton.Set("info", info);
        info.Set("version", "1.0");
        info.Set("title", N.Ref("AWS::StackName"));
        skeleton.Set("paths", MapNode.NewPy27());
        return skeleton;
    }

    /// <summary>Greedy path parameters ({proxy+}, {name}) become "*" (a Py27UniStr stays one).</summary>
    public static PyName PathWithoutTrailingSlash(PyName path) =>
        path with { Value = System.Text.RegularExpressions.Regex.Replace(path.Value, @"{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\+|proxy\+)}", "*") };

    /// <summary>(method name, definition) for every method of the path, through conditionals.</summary>
    public IEnumerable<(PyName Method, MapNode Definition)> IterOnAllMethodsForPath(string path, bool skipWithoutIntegration = true)
    {
        foreach (var item in ConditionalContents(Paths.Get(path)))
        {
            var pathItem = ValidatePathItemIsDict(item, path);
            foreach (var e in pathItem.Entries.ToArray())
            {
                if (ExcludedPathFields.Contains(e.Key))
                {
                    continue;
                }

                foreach (var md in ConditionalContents(e.Value))
                {
                    var def = ValidateMethodDefinitionIsDict(md, path, e.Key);
                    if (skipWithoutIntegration && !MethodDefinitionHasIntegration(def))
                    {
                        continue;
                    }

                    yield return (NormalizeMethodName(new PyName(e.Key, e.KeyUnicode)), def);
                }
            }
        }
    }

    /// <summary>Sets x-amazon-apigateway-endpoint-configuration.disableExecuteApiEndpoint (in servers for OpenAPI 3).</summary>
    public void AddDisableExecuteApiEndpointExtension(Node disable)
    {
        if (Py.Truthy(Doc.Get("openapi")) && IsOpenApi3(Doc.Get("openapi")))
        {
            var servers = Doc.Get(Servers) ?? N.Seq(MapNode.NewPy27());

            // The reference loops over the value: a map yields its keys, a string its characters (each refused as
            // not a map); a value Python cannot loop over is refused as one item.
            var list = Py.Iterate(servers) ?? [servers];
            for (int i = 0; i < list.Count; i++)
            {
                var error = DictPath.TrySet(list[i], $"{EndpointConfigKey}.disableExecuteApiEndpoint", disable, out var at);
                if (error is not null)
                {
                    throw EditorErrors.Document($"Invalid OpenAPI definition of '{Servers}[{i}]': {error}.", at);
                }
            }

            Doc.Set(Servers, servers);
        }
        else
        {
            var error = DictPath.TrySet(Doc, $"{EndpointConfigKey}.disableExecuteApiEndpoint", disable, out var at);
            if (error is not null)
            {
                throw EditorErrors.Document($"Invalid OpenAPI definition: {error}.", at);
            }
        }
    }

    /// <summary>Writes the binary media types (with "~1" turned back into "/") to the document.</summary>
    public void AddBinaryMediaTypes(Node binaryMediaTypes)
    {
        Doc.Set(BinaryMediaTypesKey, ReplaceTilde(binaryMediaTypes));
    }

    private static Node ReplaceTilde(Node value)
    {
        switch (value)
        {
            case MapNode m:
                var result = MapNode.NewPy27();
                foreach (var e in m.Entries)
                {
                    result.Set(e.Key.Replace("~1", "/", StringComparison.Ordinal), ReplaceTilde(e.Value), true);
                }

                return result;
            case SeqNode q:
                return new SeqNode(q.Items.Select(ReplaceTilde));
            case StringNode s:
                return new StringNode(s.Value.Replace("~1", "/", StringComparison.Ordinal)) { Unicode = true };
            default:
                return value;
        }
    }
}
