using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.OpenApi;

public sealed partial class SwaggerEditor
{
    private const string AllowOrigin = "Access-Control-Allow-Origin";
    private const string AllowHeaders = "Access-Control-Allow-Headers";
    private const string AllowMethods = "Access-Control-Allow-Methods";
    private const string MaxAge = "Access-Control-Max-Age";
    private const string AllowCredentials = "Access-Control-Allow-Credentials";

    /// <summary>Adds a mock OPTIONS method answering CORS preflight to the path, unless it has one.</summary>
    public void AddCors(string path, Node? allowedOrigins, Node? allowedHeaders, Node? allowedMethods, Node? maxAge, Node? allowCredentials)
    {
        foreach (var item in ConditionalContents(Paths.Get(path)))
        {
            var pathItem = ValidatePathItemIsDict(item, path);
            if (pathItem.ContainsKey(OptionsMethod))
            {
                continue;
            }

            if (!Py.Truthy(allowedOrigins))
            {
                throw new InvalidTemplateException("Invalid input. Value for AllowedOrigins is required");
            }

            if (!Py.Truthy(allowedMethods))
            {
                // Not given: list the path's methods, as a quoted string expression.
                allowedMethods = new StringNode($"'{CorsAllowedMethodsFor(pathItem)}'");
            }

            if (allowCredentials is not BoolNode { Value: true })
            {
                allowCredentials = BoolNode.False;
            }

            pathItem.Set(OptionsMethod, OptionsMethodForCors(allowedOrigins!, allowedHeaders, allowedMethods, maxAge, allowCredentials));
        }
    }

    private static string HeaderKey(string header) => "method.response.header." + header;

    private static MapNode OptionsMethodForCors(Node origins, Node? headers, Node? methods, Node? maxAge, Node allowCredentials)
    {
        var responseParameters = MapNode.Py27From(N.Map((HeaderKey(AllowOrigin), origins)));
        var responseHeaders = MapNode.Py27From(N.Map((AllowOrigin, N.Map(("type", "string")))));
        if (Py.Truthy(headers))
        {
            responseParameters.Set(HeaderKey(AllowHeaders), headers!);
            responseHeaders.Set(AllowHeaders, N.Map(("type", "string")));
        }

        if (Py.Truthy(methods))
        {
            responseParameters.Set(HeaderKey(AllowMethods), methods!);
            responseHeaders.Set(AllowMethods, N.Map(("type", "string")));
        }

        if (maxAge is not null and not NullNode)
        {
            responseParameters.Set(HeaderKey(MaxAge), maxAge);
            responseHeaders.Set(MaxAge, N.Map(("type", "integer")));
        }

        if (allowCredentials is BoolNode { Value: true })
        {
            responseParameters.Set(HeaderKey(AllowCredentials), "'true'");
            responseHeaders.Set(AllowCredentials, N.Map(("type", "string")));
        }

        var result = MapNode.NewPy27();
        result.Set("summary", "CORS support");
        result.Set("consumes", N.Seq("application/json"));
        result.Set("produces", N.Seq("application/json"));
        var integration = MapNode.NewPy27();
        result.Set(Integration, integration);
        integration.Set("type", "mock");
        integration.Set("requestTemplates", N.Map(("application/json", "{\n  \"statusCode\" : 200\n}\n")));
        var responses = MapNode.NewPy27();
        integration.Set("responses", responses);
        var @default = MapNode.NewPy27();
        responses.Set("default", @default);
        @default.Set("statusCode", "200");
        @default.Set("responseParameters", responseParameters);
        @default.Set("responseTemplates", N.Map(("application/json", "{}\n")));
        var methodResponses = MapNode.NewPy27();
        result.Set("responses", methodResponses);
        var ok = MapNode.NewPy27();
        methodResponses.Set("200", ok);
        ok.Set("description", "Default response for CORS method");
        ok.Set("headers", responseHeaders);
        return result;
    }

    /// <summary>The path's methods upper-cased, de-duplicated and sorted (all methods for ANY), plus OPTIONS.</summary>
    private static string CorsAllowedMethodsFor(MapNode pathItem)
    {
        var methods = pathItem.Keys.ToList();
        IEnumerable<string> allow = methods.Contains(AnyMethod) ? AllHttpMethods : methods.Append("options");
        var list = allow.Select(m => m.ToUpperInvariant()).Distinct().ToList();
        list.Sort(StringComparer.Ordinal);
        return string.Join(",", list);
    }
}
