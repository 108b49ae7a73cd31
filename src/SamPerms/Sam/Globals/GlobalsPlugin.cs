using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Plugins;

namespace SamPerms.Sam.Globals;

/// <summary>Merges the Globals section into every SAM resource, then removes it (the reference's GlobalsPlugin).</summary>
public sealed class GlobalsPlugin : ISamPlugin
{
    public void BeforeTransformTemplate(MapNode template, TransformContext ctx)
    {
        GlobalsSection section;
        try
        {
            section = new GlobalsSection(template);
        }
        catch (InvalidGlobalsSectionException e)
        {
            throw new InvalidDocumentException([e]);
        }

        if (template.Get("Resources") is MapNode resources)
        {
            foreach (var e in resources.Entries)
            {
                if (e.Value is not MapNode resource || !SamTypes.IsSamResource(resource))
                {
                    continue;
                }

                var type = resource.Get("Type")!.Str!;
                if (!section.Has(type))
                {
                    continue;
                }

                Node props = resource.TryGet("Properties", out var p) ? p : new MapNode();
                try
                {
                    var merged = section.Merge(type, props, e.Key, resource.Get("IgnoreGlobals"));
                    resource.Set("Properties", merged);
                }
                catch (InvalidResourceAttributeTypeException ex)
                {
                    throw new InvalidDocumentException([ex]);
                }
            }
        }

        template.Remove("Globals");
        OpenApiVersionFixups.Apply(template);
    }
}
