using SamPerms.Sam.Application;
using SamPerms.Sam.Api;
using SamPerms.Sam.Globals;
using SamPerms.Sam.HttpApi;
using SamPerms.Sam.Iam;

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
        new ServerlessAppPlugin(),
        new Api.Plugins.DefaultDefinitionBodyPlugin(),
        new Api.Plugins.ImplicitRestApiPlugin(),
        new ImplicitHttpApiPlugin(),
        new GlobalsPlugin(),
        new PolicyTemplatesPlugin(),
    ];
}
