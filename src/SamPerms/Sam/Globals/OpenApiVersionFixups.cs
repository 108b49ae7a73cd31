using System.Text.RegularExpressions;
using SamPerms.Model;

namespace SamPerms.Sam.Globals;

/// <summary>
/// After Globals, an Api whose OpenApiVersion is 3.x and whose body SAM manages (marked __MANAGE_SWAGGER)
/// gets "openapi" instead of "swagger" (the reference's fix_openapi_definitions).
/// </summary>
public static partial class OpenApiVersionFixups
{
    public static void Apply(MapNode template)
    {
        if (template.Get("Resources") is not MapNode resources)
        {
            return;
        }

        foreach (var e in resources.Entries)
        {
            if (e.Value is not MapNode r || r.Get("Type")?.Str != "AWS::Serverless::Api" || r.Get("Properties") is not MapNode props)
            {
                continue;
            }

            if (!props.TryGet("OpenApiVersion", out var version) || !props.ContainsKey(Api.Plugins.DefaultDefinitionBodyPlugin.ManageSwagger) || !IsOpenApi3(version))
            {
                continue;
            }

            if (version is not StringNode)
            {
                version = new StringNode(Py.Str(version));
                props.Set("OpenApiVersion", version);
            }

            if (props.Get("DefinitionBody") is MapNode body)
            {
                body.Set("openapi", version);
                if (Py.Truthy(body.Get("swagger")))
                {
                    body.Remove("swagger");
                }
            }
        }
    }

    /// <summary>The reference's _OPENAPI_VERSION_3_REGEX checked against str(value).</summary>
    public static bool IsOpenApi3(Node? version) => version is not null and not MapNode and not SeqNode && OpenApi3Regex().IsMatch(Py.Str(version));

    [GeneratedRegex(@"\A3(\.\d)(\.\d)?$")]
    private static partial Regex OpenApi3Regex();
}
