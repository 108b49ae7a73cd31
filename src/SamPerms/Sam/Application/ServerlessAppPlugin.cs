using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Core;
using SamPerms.Sam.Plugins;

namespace SamPerms.Sam.Application;

/// <summary>
/// The reference's ServerlessAppPlugin. A Location given as a URL becomes the nested stack's TemplateUrl. A
/// Location naming a Serverless Application Repository application (ApplicationId + SemanticVersion) needs the
/// repository to create a template URL: the reference calls the service, SamPerms never goes on the network,
/// so after the same checks the reference makes such an application is reported as an error on that resource
/// (the other resources are still transformed, so every error is reported at once).
/// </summary>
public sealed partial class ServerlessAppPlugin : ISamPlugin
{
    private const string LocationKey = "Location";
    private const string TemplateUrlKey = "TemplateUrl";

    /// <summary>Per transform: what the template pass found for each (ApplicationId, SemanticVersion).</summary>
    internal sealed class Applications
    {
        public Dictionary<string, SamException?> ByKey { get; } = new(StringComparer.Ordinal);

        /// <summary>Repository applications SamPerms cannot resolve offline, reported after the resource's own checks.</summary>
        public Dictionary<string, InvalidResourceException> Offline { get; } = new(StringComparer.Ordinal);
    }

    public void BeforeTransformTemplate(MapNode template, TransformContext ctx)
    {
        if (template.Get("Resources") is not MapNode resources)
        {
            return;
        }

        var apps = ctx.State<Applications>();
        var mappings = IntrinsicsResolver.ForMappings(template.Get("Mappings") as MapNode ?? new MapNode());
        foreach (var e in resources.Entries)
        {
            if (e.Value is not MapNode resource || !SamTypes.IsSamResource(resource) || resource.Get("Type")?.Str != SamApplication.Type)
            {
                continue;
            }

            if (resource.Get("Properties") is not MapNode props || props.Get(LocationKey) is not MapNode location
                || Py.IsNone(location.Get(SamApplication.ApplicationIdKey)) || Py.IsNone(location.Get(SamApplication.SemanticVersionKey)))
            {
                // Checked when the resource itself is read.
                continue;
            }

            var appId = ResolveInPlace(location, SamApplication.ApplicationIdKey, ctx, mappings);
            var version = ResolveInPlace(location, SamApplication.SemanticVersionKey, ctx, mappings);
            var key = Key(appId, version);
            if (appId is MapNode || version is MapNode)
            {
                apps.ByKey[key] = null;
                continue;
            }

            if (apps.ByKey.ContainsKey(key))
            {
                continue;
            }

            try
            {
                var id = Expect.That(appId, e.Key, "Location.ApplicationId").ToBeString();
                Expect.That(version, e.Key, "Location.SemanticVersion").ToBeString();
                if (SsmReference().IsMatch(id))
                {
                    throw new InvalidResourceException(e.Key, "Serverless Application Repostiory does not support dynamic reference in 'ApplicationId' property.").Locate(appId);
                }

                apps.ByKey[key] = null;
            }
            catch (InvalidResourceException ex)
            {
                apps.ByKey[key] = ex;
            }
        }
    }

    public void BeforeTransformResource(string logicalId, string resourceType, MapNode properties, TransformContext ctx)
    {
        if (resourceType != SamApplication.Type)
        {
            return;
        }

        RequireKey(logicalId, properties, LocationKey);
        if (properties.Get(LocationKey) is not MapNode location)
        {
            properties.Set(TemplateUrlKey, properties.Get(LocationKey)!);
            return;
        }

        RequireKey(logicalId, location, SamApplication.ApplicationIdKey);
        RequireKey(logicalId, location, SamApplication.SemanticVersionKey);
        var appId = Expect.That(location.Get(SamApplication.ApplicationIdKey), logicalId, SamApplication.ApplicationIdKey).ToNotBeNone();
        if (appId is MapNode)
        {
            throw new InvalidResourceException(logicalId, "Property 'ApplicationId' cannot be resolved. Only FindInMap and Ref intrinsic functions are supported.").Locate(appId);
        }

        var version = location.Get(SamApplication.SemanticVersionKey);
        if (!Py.Truthy(version))
        {
            throw new InvalidResourceException(logicalId, "Property 'SemanticVersion' cannot be blank.").Locate(version ?? location);
        }

        if (version is MapNode)
        {
            throw new InvalidResourceException(logicalId, "Property 'SemanticVersion' cannot be resolved. Only FindInMap and Ref intrinsic functions are supported.").Locate(version);
        }

        if (ctx.State<Applications>().ByKey.GetValueOrDefault(Key(appId, version)) is { } saved)
        {
            throw saved;
        }

        // Here the reference would use the template URL the repository created; that needs the network. The resource's
        // own checks (tags, properties) still run first, so that a real mistake is reported before this limit.
        ctx.State<Applications>().Offline[logicalId] = (InvalidResourceException)new InvalidResourceException(logicalId,
            $"Location refers to the Serverless Application Repository application {Py.Str(appId)} version {Py.Str(version)}, " +
            "whose template URL only the repository can provide; SamPerms works offline. Give Location as the URL of the application's template instead.").Locate(location);
    }

    private static Node? ResolveInPlace(MapNode location, string key, TransformContext ctx, IntrinsicsResolver mappings)
    {
        var value = location.Get(key)?.Clone();
        value = ctx.Intrinsics.ResolveParameterRefs(value);
        value = mappings.ResolveParameterRefs(value);
        location.Set(key, value ?? NullNode.Instance);
        return value;
    }

    private static void RequireKey(string logicalId, MapNode map, string key)
    {
        if (!map.ContainsKey(key))
        {
            throw new InvalidResourceException(logicalId, $"Resource is missing the required [{key}] property.").Locate(map);
        }
    }

    private static string Key(Node? appId, Node? version) =>
        (appId is null ? "null" : PyJson.Dumps(appId, sortKeys: false, compact: false)) + "\n" +
        (version is null ? "null" : PyJson.Dumps(version, sortKeys: false, compact: false));

    [GeneratedRegex(@"{{resolve:ssm:[a-zA-Z0-9_.\-/]+(:\d+)?}}")]
    private static partial Regex SsmReference();
}
