using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Api.Rest;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Plugins;

/// <summary>The reference's _process_api_events and its helpers: one owner's API events, attached to their APIs and recorded.</summary>
public abstract partial class ImplicitApiPluginBase
{
    /// <summary>
    /// The reference's _process_api_events: each API event of one function or state machine is attached to its
    /// API (the implicit one when it names none), recorded with the owner's attributes, and its path added to
    /// that API's definition; the events are then written back to the owner.
    /// </summary>
    protected abstract void ProcessApiEvents(Run run, MapNode resource, MapNode apiEvents);

    /// <summary>Events without an API id belong to the implicit API.</summary>
    protected void AddImplicitApiIdIfNecessary(MapNode eventProperties)
    {
        if (!eventProperties.ContainsKey(ApiIdEventProperty))
        {
            eventProperties.Set(ApiIdEventProperty, N.Ref(ImplicitApiLogicalId));
        }
    }

    /// <summary>The API's logical id: the Ref's target, or the value itself.</summary>
    protected Node? GetApiId(MapNode eventProperties) => RestApiLink.RestApiIdString(eventProperties.Get(ApiIdEventProperty));

    /// <summary>The reference writes the (same) events back with update(), which can regrow a Python 2.7 dict.</summary>
    protected static void WriteBackEvents(MapNode resource, MapNode apiEvents) =>
        ((MapNode)((MapNode)PropertiesOf(resource)!).Get("Events")!).Update(apiEvents);

    protected void AddTagsToImplicitApiIfNecessary(MapNode eventProperties, MapNode resource, Run run)
    {
        if (eventProperties.ContainsKey(ApiIdEventProperty))
        {
            return;
        }

        var implicitApi = run.Resources.Get(ImplicitApiLogicalId) as MapNode;
        var typeName = resource.Get("Type")!.Str! == "AWS::Serverless::Function" ? "Function" : "StateMachine";
        var globals = Py.Truthy(run.Template.Get("Globals")) ? run.Template.Get("Globals") as MapNode : null;
        var globalsVar = globals?.Get(typeName) is { } g && Py.Truthy(g) ? g as MapNode : null;
        var props = PropertiesOf(resource) as MapNode ?? new MapNode();
        var propagate = Py.Truthy(props.Get("PropagateTags")) ? props.Get("PropagateTags") : globalsVar?.Get("PropagateTags");
        var tags = Py.Truthy(props.Get("Tags")) ? props.Get("Tags") : globalsVar?.Get("Tags");
        // The reference assumes the owner's Tags is a map and the implicit API has Properties.
        if (implicitApi is not null && Py.Truthy(tags) && Py.Truthy(propagate) && PropertiesOf(implicitApi) is MapNode apiProps && tags is MapNode tagMap)
        {
            ((MapNode)apiProps.SetDefault("Tags", new MapNode())).Update(tagMap);
            apiProps.Set("PropagateTags", true);
        }
    }

    /// <param name="eventNode">The event's map: where a missing property is reported when Properties was made by SAM.</param>
    protected (string ApiId, string Path, string Method) ValidateApiEvent(string eventId, MapNode properties, Node eventNode)
    {
        var apiId = GetApiId(properties);
        var path = properties.Get("Path");
        var method = properties.Get("Method");
        var near = properties.Span.IsKnown ? properties : eventNode;
        Expect.That(path, eventId, "Path", isEvent: true, near: near).ToNotBeNone();
        Expect.That(method, eventId, "Method", isEvent: true, near: near).ToNotBeNone();
        return (
            Expect.That(apiId, eventId, ApiIdEventProperty, isEvent: true, near: properties.Get(ApiIdEventProperty) ?? near).ToBeString(),
            Expect.That(path, eventId, "Path", isEvent: true, near: near).ToBeString(),
            Expect.That(method, eventId, "Method", isEvent: true, near: near).ToBeString());
    }

    /// <summary>Records the route with the owner's Condition, DeletionPolicy and UpdateReplacePolicy.</summary>
    protected static void Record(Run run, string apiId, string path, string method, MapNode owner)
    {
        if (!run.Conditions.TryGetValue(apiId, out var routes))
        {
            run.Conditions[apiId] = routes = new RecordedRoutes();
        }

        routes.Record(path, method, owner.Get("Condition"));
        Append(run.DeletionPolicies, apiId, owner.Get("DeletionPolicy"));
        Append(run.UpdateReplacePolicies, apiId, owner.Get("UpdateReplacePolicy"));
    }

    private static void Append(Dictionary<string, List<Node?>> d, string key, Node? value)
    {
        if (!d.TryGetValue(key, out var list))
        {
            d[key] = list = [];
        }

        list.Add(value);
    }

    protected void AddApiToDefinition(Run run, string eventId, MapNode properties)
    {
        var apiId = GetApiId(properties);
        var target = apiId is StringNode s ? run.Resources.Get(s.Value) as MapNode : null;
        var targetType = target?.Get("Type")?.Str;
        bool referencesHttp = target is null || (targetType == "AWS::Serverless::HttpApi" && targetType != ServerlessApiResourceType);
        if (apiId is MapNode || referencesHttp)
        {
            throw new InvalidEventException(eventId, $"{ApiIdEventProperty} must be a valid reference to an '{ServerlessApiResourceType}' resource in same template.")
                .Locate(properties.Get(ApiIdEventProperty) ?? properties);
        }

        if (PropertiesOf(target!) is not MapNode apiProps || !IsValidDefinition(apiProps.Get("DefinitionBody")))
        {
            return;
        }

        if (!Py.Truthy(apiProps.Get(DefaultDefinitionBodyPlugin.ManageSwagger)))
        {
            // Explicit APIs' definitions belong to their authors; only SAM-managed ones get event paths.
            return;
        }

        run.Edits.Run(() =>
        {
            var editor = EditorFor(apiProps.Get("DefinitionBody")!, run.Edits.InPlace);
            editor.AddPath(PyName.Of(properties.Get("Path")), PyName.Of(properties.Get("Method")));
            apiProps.Set("DefinitionBody", editor.Document);
        });
    }
}
