using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Api.Plugins;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.HttpApi;

/// <summary>
/// The implicit HTTP API (the reference's ImplicitHttpApiPlugin): HttpApi events without ApiId attach to
/// ServerlessHttpApi. An event with neither Path nor Method is the $default route (any method). An event's
/// RouteSettings are merged into its API's RouteSettings under "METHOD /path" (just the path for any method),
/// wrapped in Fn::If when the function has a condition. Tags of a function with PropagateTags go to the
/// implicit API.
/// </summary>
public sealed class ImplicitHttpApiPlugin : ImplicitApiPluginBase
{
    public const string LogicalId = "ServerlessHttpApi";

    protected override string ApiIdEventProperty => "ApiId";

    protected override string ImplicitApiLogicalId => LogicalId;

    protected override string ImplicitApiCondition => "ServerlessHttpApiCondition";

    protected override string ApiEventType => HttpApiEvent.TypeName;

    protected override string ServerlessApiResourceType => SamHttpApi.Type;

    protected override bool IsValidDefinition(Node? definition) => OpenApiEditor.IsValid(definition);

    protected override MapNode GenerateImplicitApiResource() => N.Map(
        ("Type", SamHttpApi.Type),
        ("Properties", N.Map(("DefinitionBody", OpenApiEditor.GenSkeleton()), (DefaultDefinitionBodyPlugin.ManageSwagger, true))));

    protected override OpenApiEditorBase EditorFor(Node definition, bool inPlace = false) => new OpenApiEditor(definition, inPlace);

    /// <summary>Unlike REST events, an HTTP event without Properties still counts: it is the $default route.</summary>
    protected override void ProcessApiEvents(Run run, MapNode resource, MapNode apiEvents)
    {
        var condition = resource.Get("Condition");
        foreach (var e in apiEvents.Entries)
        {
            var ev = (MapNode)e.Value;
            var properties = Expect.That(ev.Get("Properties") ?? new MapNode(), e.Key, "", isEvent: true).ToBeMap("Properties should be a map.");
            if (properties.Count == 0)
            {
                ev.Set("Properties", properties);
            }

            AddTagsToImplicitApiIfNecessary(properties, resource, run);
            AddImplicitApiIdIfNecessary(properties);

            // No path and no method: the $default route, any method.
            if (!Py.Truthy(properties.Get("Path")) && !Py.Truthy(properties.Get("Method")))
            {
                properties.Set("Path", OpenApiEditor.DefaultPath);
                properties.Set("Method", OpenApiEditorBase.AnyMethod);
            }

            var (apiId, path, method) = ValidateApiEvent(e.Key, properties, ev);
            Record(run, apiId, path, method, resource);
            AddApiToDefinition(run, e.Key, properties);
            if (properties.ContainsKey("RouteSettings"))
            {
                AddRouteSettingsToApi(run, e.Key, properties, Py.Truthy(condition) ? condition : null);
            }
        }

        WriteBackEvents(resource, apiEvents);
    }

    /// <summary>
    /// Merges the event's RouteSettings into the API's under the route key ("GET /path", or the path for any
    /// method), in Fn::If when the function is conditional.
    /// </summary>
    private void AddRouteSettingsToApi(Run run, string eventId, MapNode eventProperties, Node? condition)
    {
        var apiId = GetApiId(eventProperties)!.Str!;
        var resource = (MapNode)run.Resources.Get(apiId)!;
        var path = eventProperties.Get("Path")!.Str!;
        var method = eventProperties.Get("Method")!.Str!;
        var route = method == OpenApiEditorBase.AnyMethod ? path : $"{method.ToUpperInvariant()} {path}";

        var properties = PropertiesOf(resource) as MapNode ?? new MapNode();
        var apiRouteSettings = Expect.That(properties.Get("RouteSettings") ?? new MapNode(), apiId, "RouteSettings").ToBeMap();
        var eventRouteSettings = eventProperties.Get("RouteSettings") ?? new MapNode();
        if (condition is not null)
        {
            eventRouteSettings = OpenApiEditorBase.MakeConditional(condition, eventRouteSettings);
        }

        var settings = Expect.That(eventRouteSettings, eventId, "RouteSettings", isEvent: true).ToBeMap();
        if (apiRouteSettings.SetDefault(route, new MapNode()) is MapNode routeMap)
        {
            routeMap.Update(settings);
        }

        properties.Set("RouteSettings", apiRouteSettings);
        if (SamTypes.IsSamResource(resource))
        {
            // template.set writes the properties back (a resource without Properties gets them now).
            resource.Set("Properties", properties);
        }
    }
}
