using SamPerms.Sam.Globals;

namespace SamPerms.Sam.Plugins;

/// <summary>The plugins the transform runs, in the reference's order.</summary>
public static class SamPlugins
{
    /// <summary>
    /// Reference order: ServerlessApp, DefaultDefinitionBody, ImplicitRestApi, ImplicitHttpApi, Globals,
    /// PolicyTemplates. A new plugin goes where its reference counterpart sits.
    /// </summary>
    public static IReadOnlyList<ISamPlugin> Default { get; } =
    [
        new Api.Plugins.DefaultDefinitionBodyPlugin(),
        new Api.Plugins.ImplicitRestApiPlugin(),
        new GlobalsPlugin(),
        new PolicyTemplatesPlugin(),
    ];
}
