using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;
using SamPerms.Sam.Plugins;

namespace SamPerms.Sam.Api;

/// <summary>
/// An Api or HttpApi with neither DefinitionBody nor DefinitionUri gets an empty definition that SAM manages
/// (the reference's DefaultDefinitionBodyPlugin): Swagger 2.0 for REST APIs, OpenAPI 3.0.1 for HTTP APIs,
/// marked __MANAGE_SWAGGER so that its functions' events fill it in.
/// </summary>
public sealed class DefaultDefinitionBodyPlugin : ISamPlugin
{
    public void BeforeTransformTemplate(MapNode template, TransformContext ctx)
    {
        var resources = (MapNode)template.Get("Resources")!;
        foreach (var apiType in new[] { "AWS::Serverless::Api", "AWS::Serverless::HttpApi" })
        {
            foreach (var (_, resource) in resources)
            {
                if (resource is not MapNode api || !SamTranslator.IsSamResource(api) || api.Get("Type")!.Str != apiType)
                {
                    continue;
                }

                var properties = api.Get("Properties") as MapNode ?? new MapNode();
                if (Py.Truthy(properties.Get("DefinitionBody")) || Py.Truthy(properties.Get("DefinitionUri")))
                {
                    continue;
                }

                // Only an HttpApi without Properties gets them attached: the reference's REST branch edits a
                // detached map in that case.
                if (!api.ContainsKey("Properties") && apiType == "AWS::Serverless::HttpApi")
                {
                    api.Set("Properties", properties);
                }

                properties.Set("DefinitionBody", apiType == "AWS::Serverless::HttpApi" ? OpenApiEditor.GenSkeleton() : SwaggerSkeleton());
                properties.Set(ImplicitApiPlugin.ManageSwagger, true);
            }
        }
    }

    /// <summary>The empty Swagger 2.0 document SAM starts a REST API from.</summary>
    private static MapNode SwaggerSkeleton() => N.Map(
        ("swagger", "2.0"),
        ("info", N.Map(("version", "1.0"), ("title", N.Ref("AWS::StackName")))),
        ("paths", new MapNode()));
}
