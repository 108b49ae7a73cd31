using SamPerms.Model;
using SamPerms.Sam.Api;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.HttpApi;

/// <summary>
/// The implicit HTTP API (the reference's ImplicitHttpApiPlugin): HttpApi events without ApiId attach to
/// ServerlessHttpApi. An event with neither Path nor Method is the $default route (any method). An event's
/// RouteSettings are merged into its API's RouteSettings under "METHOD /path" (just the path for any method),
/// wrapped in Fn::If when the function has a condition. Tags of a function with PropagateTags go to the
/// implicit API.
/// </summary>
public sealed class ImplicitHttpApiPlugin : ImplicitApiPlugin
{
    public const string LogicalId = "ServerlessHttpApi";

    protected override string ApiIdEventProperty => "ApiId";

    protected override string ImplicitApiLogicalId => LogicalId;

    protected override string ImplicitApiCondition => "ServerlessHttpApiCondition";

    protected override string ApiEventType => HttpApiEvent.TypeName;

    protected override string ServerlessApiResourceType => SamHttpApi.Type;

    protected override bool IsValidDefinition(Node? definition) => OpenApiEditor.IsValid(definition);

    protected override BaseEditor CreateEditor(Node? definition) => new OpenApiEditor(definition);

    protected override MapNode DefinitionOf(BaseEditor editor) => ((OpenApiEditor)editor).OpenApi;

    protected override MapNode GenerateImplicitApiResource() => N.Map(
        ("Type", SamHttpApi.Type),
        ("Properties", N.Map(("DefinitionBody", OpenApiEditor.GenSkeleton()), (ManageSwagger, true))));

    protected override void ProcessApiEvents(ImplicitApiState state, string ownerId, MapNode owner, List<(string Id, MapNode Event)> apiEvents, MapNode template)
    {
        var condition = owner.Get("Condition") is { } c and not NullNode ? c : null;
        foreach (var (eventId, ev) in apiEvents)
        {
            var properties = Expect.That(ev.Get("Properties") ?? new MapNode(), eventId, "", isEvent: true).ToBeMap("Properties should be a map.");
            if (properties.Count == 0)
            {
                ev.Set("Properties", properties);
            }

            AddTagsToImplicitApiIfNecessary(properties, owner, template);
            AddImplicitApiIdIfNecessary(properties);

            // No path and no method: the $default route, any method.
            if (!Py.Truthy(properties.Get("Path")) && !Py.Truthy(properties.Get("Method")))
            {
                properties.Set("Path", OpenApiEditor.DefaultPath);
                properties.Set("Method", BaseEditor.XAnyMethod);
            }

            var (apiId, path, method) = ValidateApiEvent(eventId, properties);
            UpdateResourceAttributesFromApiEvent(state, apiId, path, method, condition, owner.Get("DeletionPolicy"), owner.Get("UpdateReplacePolicy"));
            AddApiToSwagger(eventId, properties, template);
            if (properties.ContainsKey("RouteSettings"))
            {
                AddRouteSettingsToApi(eventId, properties, template, condition);
            }
        }
    }

    /// <summary>
    /// A function that propagates its tags hands them (its own or from Globals) to the implicit API when one of
    /// its events uses that API.
    /// </summary>
    private static void AddTagsToImplicitApiIfNecessary(MapNode eventProperties, MapNode owner, MapNode template)
    {
        if (eventProperties.ContainsKey("ApiId"))
        {
            return;
        }

        var implicitApi = ((MapNode)template.Get("Resources")!).Get(LogicalId) as MapNode;
        var section = owner.Get("Type")!.Str!["AWS::Serverless::".Length..];
        var globals = (Py.Truthy(template.Get("Globals")) ? (template.Get("Globals") as MapNode)?.Get(section) : null) as MapNode ?? new MapNode();
        var properties = owner.Get("Properties") as MapNode ?? new MapNode();
        var propagate = Py.Truthy(properties.Get("PropagateTags")) ? properties.Get("PropagateTags") : globals.Get("PropagateTags");
        var tags = Py.Truthy(properties.Get("Tags")) ? properties.Get("Tags") : globals.Get("Tags");
        if (implicitApi is null || !Py.Truthy(tags) || !Py.Truthy(propagate) || tags is not MapNode tagMap)
        {
            return;
        }

        var apiProperties = implicitApi.Get("Properties") as MapNode;
        if (apiProperties is null)
        {
            return;
        }

        if (apiProperties.Get("Tags") is not MapNode apiTags)
        {
            apiTags = new MapNode();
            apiProperties.Set("Tags", apiTags);
        }

        foreach (var (k, v) in tagMap)
        {
            apiTags.Set(k, v);
        }

        apiProperties.Set("PropagateTags", true);
    }

    /// <summary>
    /// Merges the event's RouteSettings into the API's under the route key ("GET /path", or the path for any
    /// method), in Fn::If when the function is conditional.
    /// </summary>
    private void AddRouteSettingsToApi(string eventId, MapNode eventProperties, MapNode template, Node? condition)
    {
        var apiId = GetApiId(eventProperties)!.Str!;
        var resource = (MapNode)((MapNode)template.Get("Resources")!).Get(apiId)!;
        var path = eventProperties.Get("Path")!.Str!;
        var method = eventProperties.Get("Method")!.Str!;
        var route = method == BaseEditor.XAnyMethod ? path : $"{method.ToUpperInvariant()} {path}";

        var properties = PropertiesOf(resource);
        var apiRouteSettings = Expect.That(properties.Get("RouteSettings") ?? new MapNode(), apiId, "RouteSettings").ToBeMap();
        var eventRouteSettings = eventProperties.Get("RouteSettings") ?? new MapNode();
        if (Py.Truthy(condition))
        {
            eventRouteSettings = N.If(Py.Str(condition), eventRouteSettings);
        }

        var settings = Expect.That(eventRouteSettings, eventId, "RouteSettings", isEvent: true).ToBeMap();
        if (!apiRouteSettings.TryGet(route, out var routeSettings))
        {
            routeSettings = new MapNode();
            apiRouteSettings.Set(route, routeSettings);
        }

        if (routeSettings is MapNode routeMap)
        {
            foreach (var (k, v) in settings)
            {
                routeMap.Set(k, v);
            }
        }

        properties.Set("RouteSettings", apiRouteSettings);
        SetProperties(resource, properties);
    }
}
