using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;
using SamPerms.Sam.Plugins;

namespace SamPerms.Sam.Api;

/// <summary>
/// The implicit API shorthand (the reference's plugins/api/implicit_api_plugin.py): API events without an API
/// id attach to an API SAM creates (ServerlessRestApi / ServerlessHttpApi). Before any resource is expanded the
/// plugin adds that API, adds every event's path and method to the API it names when SAM manages that API's
/// definition, and gives the implicit API (and its paths) the conditions, DeletionPolicy and
/// UpdateReplacePolicy of the functions behind it. The implicit API is dropped again when no event uses it.
/// Subclasses say which event type, id property, API type and editor they deal with.
/// </summary>
public abstract partial class ImplicitApiPlugin : ISamPlugin
{
    /// <summary>SAM's own marker that it owns an API's definition (implicit APIs, generated definitions).</summary>
    public const string ManageSwagger = "__MANAGE_SWAGGER";

    /// <summary>The event property naming the API ("RestApiId", "ApiId").</summary>
    protected abstract string ApiIdEventProperty { get; }

    protected abstract string ImplicitApiLogicalId { get; }

    protected abstract string ImplicitApiCondition { get; }

    protected abstract string ApiEventType { get; }

    protected abstract string ServerlessApiResourceType { get; }

    /// <summary>Whether the definition is one the editor understands (the editor class's is_valid).</summary>
    protected abstract bool IsValidDefinition(Node? definition);

    protected abstract BaseEditor CreateEditor(Node? definition);

    /// <summary>The edited definition (a copy).</summary>
    protected abstract MapNode DefinitionOf(BaseEditor editor);

    /// <summary>The implicit API resource as it is added to the template.</summary>
    protected abstract MapNode GenerateImplicitApiResource();

    /// <summary>Processes the API events of one function or state machine.</summary>
    protected abstract void ProcessApiEvents(ImplicitApiState state, string ownerId, MapNode owner, List<(string Id, MapNode Event)> apiEvents, MapNode template);

    public void BeforeTransformTemplate(MapNode template, TransformContext ctx)
    {
        var resources = (MapNode)template.Get("Resources")!;
        var state = new ImplicitApiState();

        // Keep a resource the author named like the implicit API: it is put back if no event needs the implicit one.
        state.ExistingImplicitApi = resources.Get(ImplicitApiLogicalId)?.Clone();
        resources.Set(ImplicitApiLogicalId, GenerateImplicitApiResource());

        var errors = new List<SamException>();
        foreach (var (logicalId, resource) in Iterate(resources, "AWS::Serverless::Function", "AWS::Serverless::StateMachine"))
        {
            var apiEvents = GetApiEvents(resource);
            if (apiEvents.Count == 0)
            {
                continue;
            }

            try
            {
                ProcessApiEvents(state, logicalId, resource, apiEvents, template);
            }
            catch (InvalidEventException e)
            {
                errors.Add(new InvalidResourceException(logicalId, e.Message).Locate(e.At));
            }
        }

        MaybeAddConditionToImplicitApi(state, template);
        MaybeAddPolicyToImplicitApi(state.DeletionPolicies, "DeletionPolicy", ["Retain", "Delete"], template);
        MaybeAddPolicyToImplicitApi(state.UpdateReplacePolicies, "UpdateReplacePolicy", ["Retain", "Snapshot", "Delete"], template);
        MaybeAddConditionsToImplicitApiPaths(state, template);
        MaybeRemoveImplicitApi(state, template);
        if (errors.Count > 0)
        {
            throw new InvalidDocumentException(errors);
        }
    }

    /// <summary>The SAM resources of the given types (the reference's SamTemplate.iterate), as they are now.</summary>
    protected static IEnumerable<(string, MapNode)> Iterate(MapNode resources, params string[] types)
    {
        foreach (var (id, value) in resources)
        {
            if (value is MapNode r && SamTranslator.IsSamResource(r) && types.Contains(r.Get("Type")!.Str))
            {
                yield return (id, r);
            }
        }
    }

    /// <summary>A resource's Properties (a new map when it has none; <see cref="SetProperties"/> attaches it).</summary>
    protected static MapNode PropertiesOf(MapNode resource) => resource.Get("Properties") as MapNode ?? new MapNode();

    protected static void SetProperties(MapNode resource, MapNode properties)
    {
        if (SamTranslator.IsSamResource(resource))
        {
            resource.Set("Properties", properties);
        }
    }

    private List<(string, MapNode)> GetApiEvents(MapNode resource)
    {
        var result = new List<(string, MapNode)>();
        if (resource.Get("Properties") is not MapNode props || props.Get("Events") is not MapNode events)
        {
            return result;
        }

        foreach (var (eventId, ev) in events)
        {
            if (ev is MapNode m && m.Count > 0 && m.Get("Type") is StringNode t && t.Value == ApiEventType)
            {
                result.Add((eventId, m));
            }
        }

        return result;
    }

    /// <summary>Without an API id the event belongs to the implicit API.</summary>
    protected void AddImplicitApiIdIfNecessary(MapNode eventProperties)
    {
        if (!eventProperties.ContainsKey(ApiIdEventProperty))
        {
            eventProperties.Set(ApiIdEventProperty, N.Ref(ImplicitApiLogicalId));
        }
    }

    /// <summary>The API's logical id: the Ref's target, or the value itself.</summary>
    public static Node? ApiIdString(Node? apiId) =>
        apiId is MapNode m && m.TryGet("Ref", out var r) ? r : apiId;

    protected Node? GetApiId(MapNode eventProperties) => ApiIdString(eventProperties.Get(ApiIdEventProperty));

    /// <summary>Path and method are required strings, and the API id must be a string by now.</summary>
    protected (string ApiId, string Path, string Method) ValidateApiEvent(string eventId, MapNode eventProperties)
    {
        var apiId = GetApiId(eventProperties);
        var path = eventProperties.Get("Path");
        var method = eventProperties.Get("Method");
        Expect.That(path, eventId, "Path", isEvent: true, near: eventProperties).ToNotBeNone();
        Expect.That(method, eventId, "Method", isEvent: true, near: eventProperties).ToNotBeNone();
        return (
            Expect.That(apiId, eventId, ApiIdEventProperty, isEvent: true).ToBeString(),
            Expect.That(path, eventId, "Path", isEvent: true).ToBeString(),
            Expect.That(method, eventId, "Method", isEvent: true).ToBeString());
    }

    protected static void UpdateResourceAttributesFromApiEvent(ImplicitApiState state, string apiId, string path, string method, Node? condition, Node? deletionPolicy, Node? updateReplacePolicy)
    {
        state.Conditions.TryAdd(apiId, new Dictionary<string, Dictionary<string, Node?>>(StringComparer.Ordinal));
        var byPath = state.Conditions[apiId];
        byPath.TryAdd(path, new Dictionary<string, Node?>(StringComparer.Ordinal));
        byPath[path][method] = condition;
        AppendTo(state.DeletionPolicies, apiId, deletionPolicy);
        AppendTo(state.UpdateReplacePolicies, apiId, updateReplacePolicy);
    }

    private static void AppendTo(Dictionary<string, List<Node?>> lists, string apiId, Node? value)
    {
        if (!lists.TryGetValue(apiId, out var list))
        {
            list = [];
            lists[apiId] = list;
        }

        list.Add(value);
    }

    /// <summary>Adds the event's path and method to the API's definition when SAM manages that definition.</summary>
    protected void AddApiToSwagger(string eventId, MapNode eventProperties, MapNode template)
    {
        var resources = (MapNode)template.Get("Resources")!;
        var apiId = GetApiId(eventProperties);
        var apiIdText = apiId?.Str;
        var resource = apiIdText is null ? null : resources.Get(apiIdText) as MapNode;

        // An event may not point at an HTTP API from the REST plugin (the reverse is tolerated for compatibility).
        var referencesHttpFromApiEvent = resource is null
            || (resource.Get("Type")?.Str == "AWS::Serverless::HttpApi" && ServerlessApiResourceType != "AWS::Serverless::HttpApi");
        if (apiId is MapNode || referencesHttpFromApiEvent)
        {
            throw new InvalidEventException(eventId, $"{ApiIdEventProperty} must be a valid reference to an '{ServerlessApiResourceType}' resource in same template.").Locate(eventProperties.Get(ApiIdEventProperty) ?? eventProperties);
        }

        var properties = PropertiesOf(resource!);
        if (!IsValidDefinition(properties.Get("DefinitionBody")) || !Py.Truthy(properties.Get(ManageSwagger)))
        {
            // Only definitions SAM owns are edited; an author's own definition is theirs to keep in step.
            return;
        }

        var editor = CreateEditor(properties.Get("DefinitionBody"));
        editor.AddPath(eventProperties.Get("Path")!.Str!, eventProperties.Get("Method")!.Str);
        properties.Set("DefinitionBody", DefinitionOf(editor));
        SetProperties(resource!, properties);
    }

    private void MaybeRemoveImplicitApi(ImplicitApiState state, MapNode template)
    {
        var resources = (MapNode)template.Get("Resources")!;
        if (resources.Get(ImplicitApiLogicalId) is not MapNode implicitApi)
        {
            return;
        }

        var paths = (PropertiesOf(implicitApi).Get("DefinitionBody") as MapNode)?.Get("paths");
        if (paths is MapNode { Count: 0 })
        {
            if (state.ExistingImplicitApi is MapNode existing)
            {
                // Putting a SAM resource back gives it a Properties map, as the reference's SamResource.to_dict does.
                SetProperties(existing, PropertiesOf(existing));
                resources.Set(ImplicitApiLogicalId, existing);
            }
            else if (state.ExistingImplicitApi is not null)
            {
                resources.Set(ImplicitApiLogicalId, state.ExistingImplicitApi);
            }
            else
            {
                resources.Remove(ImplicitApiLogicalId);
            }
        }
    }
}
