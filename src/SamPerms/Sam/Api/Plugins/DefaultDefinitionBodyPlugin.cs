using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;
using SamPerms.Sam.Plugins;

namespace SamPerms.Sam.Api.Plugins;

/// <summary>
/// An API with neither DefinitionBody nor DefinitionUri gets an empty definition that SAM then manages
/// (__MANAGE_SWAGGER): events add their paths to it (the reference's DefaultDefinitionBodyPlugin).
/// </summary>
public sealed class DefaultDefinitionBodyPlugin : ISamPlugin
{
    public const string ManageSwagger = "__MANAGE_SWAGGER";

    public void BeforeTransformTemplate(MapNode template, TransformContext ctx)
    {
        if (template.Get("Resources") is not MapNode resources)
        {
            return;
        }

        foreach (var type in new[] { "AWS::Serverless::Api", "AWS::Serverless::HttpApi" })
        {
            foreach (var e in resources.Entries)
            {
                if (e.Value is not MapNode r || !SamTypes.IsSamResource(r) || r.Get("Type")?.Str != type)
                {
                    continue;
                }

                var props = r.Get("Properties");
                if (props is MapNode p && (Py.Truthy(p.Get("DefinitionBody")) || Py.Truthy(p.Get("DefinitionUri"))))
                {
                    continue;
                }

                if (props is not MapNode properties)
                {
                    // SamResource defaults Properties to {}; the reference only writes it back for HTTP APIs.
                    properties = new MapNode();
                    if (type == "AWS::Serverless::HttpApi")
                    {
                        r.Set("Properties", properties);
                    }
                }

                properties.Set("DefinitionBody", type == "AWS::Serverless::Api" ? SwaggerEditor.GenSkeleton() : OpenApiEditor.GenSkeleton());
                properties.Set(ManageSwagger, true);
            }
        }
    }
}
