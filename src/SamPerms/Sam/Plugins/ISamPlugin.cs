using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Plugins;

/// <summary>
/// A hook into the transform's life cycle, like the reference's plugins (Globals, implicit APIs, policy
/// templates, ...). Plugins run in the order of <see cref="SamPlugins.Default"/>.
/// </summary>
public interface ISamPlugin
{
    /// <summary>Before any resource is expanded; may rewrite the SAM template.</summary>
    void BeforeTransformTemplate(MapNode template, TransformContext ctx)
    {
    }

    /// <summary>Before one SAM resource is read; may rewrite its properties.</summary>
    void BeforeTransformResource(string logicalId, string resourceType, MapNode properties, TransformContext ctx)
    {
    }

    /// <summary>After every resource is expanded; may edit the output template.</summary>
    void AfterTransformTemplate(MapNode template, TransformContext ctx)
    {
    }
}
