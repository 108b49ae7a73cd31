using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

public sealed partial class ApiGenerator
{
    private static readonly string[] CorsFields = ["AllowMethods", "AllowHeaders", "AllowOrigin", "MaxAge", "AllowCredentials"];

    /// <summary>Cors: an OPTIONS preflight method on every path (paths differing by a trailing slash once).</summary>
    private void AddCors()
    {
        var cors = api.Prop("Cors");
        if (!Py.Truthy(cors))
        {
            return;
        }

        if (!Py.Truthy(_definitionBody))
        {
            throw Error("Cors works only with inline Swagger specified in 'DefinitionBody' property.");
        }

        Node? allowMethods = null, allowHeaders = null, maxAge = null;
        Node? allowOrigin = new StringNode(CorsWildcard);
        Node? allowCredentials = BoolNode.False;
        if (cors is StringNode || Intrinsics.IsIntrinsic(cors))
        {
            allowOrigin = cors;
        }
        else if (cors is MapNode m)
        {
            foreach (var key in m.Keys)
            {
                if (!CorsFields.Contains(key))
                {
                    throw Error($"Invalid key '{key}' for 'Cors' property.");
                }
            }

            Node? Field(string name, Node? fallback) => m.TryGet(name, out var v) ? (v is NullNode ? null : v) : fallback;
            allowMethods = Field("AllowMethods", null);
            allowHeaders = Field("AllowHeaders", null);
            allowOrigin = Field("AllowOrigin", allowOrigin);
            maxAge = Field("MaxAge", null);
            allowCredentials = Field("AllowCredentials", allowCredentials);
        }
        else
        {
            throw Error("Invalid value for 'Cors' property");
        }

        if (!SwaggerEditor.IsValid(_definitionBody))
        {
            throw Error("Unable to add Cors configuration because 'DefinitionBody' does not contain a valid Swagger definition.");
        }

        if (allowCredentials is BoolNode { Value: true } && allowOrigin is StringNode { Value: CorsWildcard })
        {
            throw Error("Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set");
        }

        var editor = new SwaggerEditor(_definitionBody, inPlace: true);
        var processed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in editor.IterOnPath())
        {
            // API Gateway treats /path and /path/ as one resource: one OPTIONS method for both.
            var normalized = path.Value != "/" ? path.Value.TrimEnd('/') : path.Value;
            if (!processed.Add(normalized))
            {
                continue;
            }

            try
            {
                editor.AddCors(path, allowOrigin, allowHeaders, allowMethods, maxAge, allowCredentials);
            }
            catch (InvalidTemplateException e)
            {
                throw Error(e.Message);
            }
        }

        _definitionBody = editor.Document;
    }
}
