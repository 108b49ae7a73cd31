using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Api.Rest;
using SamPerms.Sam.Core;
using SamPerms.Sam.Plugins;

namespace SamPerms.Sam.Api.Plugins;

/// <summary>
/// The reference's ImplicitApiPlugin: functions' (and state machines') API events without an API id get an API
/// SAM creates (ServerlessRestApi / ServerlessHttpApi), added to the template before Globals apply; each event's
/// path and method go into the definition of the API it names; conditions, DeletionPolicy and
/// UpdateReplacePolicy of the owners carry over to the implicit API and its paths; an implicit API no event
/// uses is removed again. Subclasses give the ids, types and editor.
/// </summary>
public abstract class ImplicitApiPluginBase : ISamPlugin
{
    protected abstract string ApiIdEventProperty { get; }

    protected abstract string ImplicitApiLogicalId { get; }

    protected abstract string ImplicitApiCondition { get; }

    protected abstract string ApiEventType { get; }

    protected abstract string ServerlessApiResourceType { get; }

    /// <summary>A new implicit API resource (type and properties).</summary>
    protected abstract MapNode GenerateImplicitApiResource();

    protected abstract bool IsValidDefinition(Node? definition);

    /// <summary>The type's editor (Swagger for REST, OpenAPI for HTTP) on a copy of the definition.</summary>
    protected abstract OpenApiEditorBase EditorFor(Node definition);

    /// <summary>One template's bookkeeping (the plugin object is shared between transforms).</summary>
    protected sealed class Run(MapNode template)
    {
        public MapNode Template { get; } = template;

        public MapNode Resources { get; } = (MapNode)template.Get("Resources")!;

        // api id → path → method → condition (null when the owner has none); insertion ordered like the reference's dicts.
        public Dictionary<string, List<(string Path, List<(string Method, Node? Condition)> Methods)>> Conditions { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<Node?>> DeletionPolicies { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<Node?>> UpdateReplacePolicies { get; } = new(StringComparer.Ordinal);
    }

    public void BeforeTransformTemplate(MapNode template, TransformContext ctx)
    {
        var run = new Run(template);
        var existing = run.Resources.Get(ImplicitApiLogicalId)?.Clone();
        run.Resources.Set(ImplicitApiLogicalId, GenerateImplicitApiResource());

        var errors = new List<SamException>();
        foreach (var (logicalId, resource) in Iterate(run.Resources, "AWS::Serverless::Function", "AWS::Serverless::StateMachine"))
        {
            var apiEvents = ApiEvents(resource);
            if (apiEvents.Count == 0)
            {
                continue;
            }

            try
            {
                ProcessApiEvents(run, resource, apiEvents);
            }
            catch (InvalidEventException ex)
            {
                errors.Add(new InvalidResourceException(logicalId, ex.Message).Locate(ex.At));
            }
        }

        MaybeAddConditionToImplicitApi(run);
        MaybeAddPolicyToImplicitApi(run.DeletionPolicies, run, "DeletionPolicy", ["Retain", "Delete"]);
        MaybeAddPolicyToImplicitApi(run.UpdateReplacePolicies, run, "UpdateReplacePolicy", ["Retain", "Snapshot", "Delete"]);
        MaybeAddConditionsToPaths(run);
        MaybeRemoveImplicitApi(run, existing);
        LocateImplicitApi(run);
        if (errors.Count > 0)
        {
            throw new InvalidDocumentException(errors);
        }
    }

    /// <summary>
    /// The implicit API is written nowhere: give it the place of the first event that implies it, so that its
    /// errors point at a line of the template.
    /// </summary>
    private void LocateImplicitApi(Run run)
    {
        if (run.Resources.Get(ImplicitApiLogicalId) is not MapNode api || api.Span.IsKnown)
        {
            return;
        }

        foreach (var (_, resource) in Iterate(run.Resources, "AWS::Serverless::Function", "AWS::Serverless::StateMachine"))
        {
            foreach (var e in ApiEvents(resource).Entries)
            {
                if ((e.Value as MapNode)?.Get("Properties") is MapNode props && RestApiLink.RestApiIdString(props.Get(ApiIdEventProperty))?.Str == ImplicitApiLogicalId)
                {
                    api.Span = e.Value.Span;
                    return;
                }
            }
        }
    }

    /// <summary>SamTemplate.iterate: valid SAM resources of the given types (checking Condition is a string).</summary>
    protected static IEnumerable<(string LogicalId, MapNode Resource)> Iterate(MapNode resources, params string[] types)
    {
        foreach (var e in resources.Entries.ToArray())
        {
            if (e.Value is MapNode r && SamTranslator.IsSamResource(r) && types.Contains(r.Get("Type")!.Str))
            {
                yield return (e.Key, r);
            }
        }
    }

    /// <summary>The resource's Properties as SamResource reads them ({} when absent, not attached).</summary>
    protected static Node? PropertiesOf(MapNode resource) => resource.TryGet("Properties", out var p) ? p : new MapNode();

    protected MapNode ApiEvents(MapNode resource)
    {
        var apiEvents = MapNode.NewPy27();
        if (PropertiesOf(resource) is not MapNode props || props.Get("Events") is not MapNode events)
        {
            return apiEvents;
        }

        foreach (var e in events.Entries)
        {
            if (e.Value is MapNode ev && ev.Count > 0 && ev.Get("Type") is StringNode t && t.Value == ApiEventType)
            {
                apiEvents.Set(e.Key, ev, e.KeyUnicode);
            }
        }

        return apiEvents;
    }

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
        var condition = owner.Get("Condition");
        if (!run.Conditions.TryGetValue(apiId, out var paths))
        {
            run.Conditions[apiId] = paths = [];
        }

        var entry = paths.FirstOrDefault(x => x.Path == path);
        if (entry.Methods is null)
        {
            entry = (path, []);
            paths.Add(entry);
        }

        int i = entry.Methods.FindIndex(m => m.Method == method);
        if (i >= 0)
        {
            entry.Methods[i] = (method, condition);
        }
        else
        {
            entry.Methods.Add((method, condition));
        }

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

        var editor = EditorFor(apiProps.Get("DefinitionBody")!);
        editor.AddPath(PyName.Of(properties.Get("Path")), PyName.Of(properties.Get("Method")));
        apiProps.Set("DefinitionBody", editor.Document);
    }

    private void MaybeAddConditionToImplicitApi(Run run)
    {
        if (!run.Conditions.TryGetValue(ImplicitApiLogicalId, out var paths) || paths.Count == 0)
        {
            return;
        }

        var all = DistinctConditions(paths.SelectMany(p => p.Methods.Select(m => m.Condition)));
        if (all.Count > 0 && !all.Any(c => c is null) && run.Resources.Get(ImplicitApiLogicalId) is MapNode api)
        {
            if (all.Count == 1)
            {
                api.Set("Condition", all[0]!);
            }
            else
            {
                api.Set("Condition", ImplicitApiCondition);
                CombinedConditions.AddToTemplate(run.Template, ImplicitApiCondition, all!);
            }
        }
    }

    /// <summary>A Python set of conditions (None included as null).</summary>
    private static List<Node?> DistinctConditions(IEnumerable<Node?> conditions)
    {
        var result = new List<Node?>();
        foreach (var c in conditions)
        {
            var value = c is NullNode ? null : c;
            if (!result.Any(r => Py.Equal(r, value)))
            {
                result.Add(value);
            }
        }

        return result;
    }

    private void MaybeAddPolicyToImplicitApi(Dictionary<string, List<Node?>> policies, Run run, string attribute, string[] precedence)
    {
        if (!policies.TryGetValue(ImplicitApiLogicalId, out var list) || list.Count == 0 || !list.Any(Py.Truthy))
        {
            return;
        }

        if (run.Resources.Get(ImplicitApiLogicalId) is not MapNode api)
        {
            return;
        }

        foreach (var value in precedence)
        {
            if (list.Any(p => p is StringNode s && s.Value == value))
            {
                api.Set(attribute, value);
                return;
            }
        }
    }

    private void MaybeAddConditionsToPaths(Run run)
    {
        foreach (var (apiId, api) in Iterate(run.Resources, ServerlessApiResourceType))
        {
            if (PropertiesOf(api) is not MapNode props || !Py.Truthy(props.Get(DefaultDefinitionBodyPlugin.ManageSwagger)))
            {
                continue;
            }

            var editor = EditorFor(props.Get("DefinitionBody")!);
            foreach (var path in editor.IterOnPath())
            {
                if (PathCondition(run, apiId, path) is { } condition)
                {
                    editor.MakePathConditional(path, condition);
                }
            }

            props.Set("DefinitionBody", editor.Document);
        }
    }

    /// <summary>
    /// The condition of a path whose every method's owner has one: that condition, or a new one combining them;
    /// null when some owner has none.
    /// </summary>
    private static Node? PathCondition(Run run, string apiId, string path)
    {
        var methods = run.Conditions.TryGetValue(apiId, out var paths) ? paths.FirstOrDefault(p => p.Path == path).Methods : null;
        if (methods is null)
        {
            throw new InvalidOperationException($"No conditions recorded for {apiId} {path}.");
        }

        var all = DistinctConditions(methods.Select(m => m.Condition));
        if (all.Count == 0 || all.Any(c => c is null))
        {
            return null;
        }

        if (all.Count == 1)
        {
            return all[0];
        }

        var name = $"{apiId}{path.Replace("/", "SLASH", StringComparison.Ordinal).Replace("{", "OB", StringComparison.Ordinal).Replace("}", "CB", StringComparison.Ordinal)}PathCondition";
        CombinedConditions.AddToTemplate(run.Template, name, all!);
        return new StringNode(name);
    }

    private void MaybeRemoveImplicitApi(Run run, Node? existing)
    {
        if (run.Resources.Get(ImplicitApiLogicalId) is not MapNode api
            || PropertiesOf(api) is not MapNode props
            || (props.Get("DefinitionBody") as MapNode)?.Get("paths") is not MapNode paths
            || paths.Count != 0)
        {
            return;
        }

        if (existing is not null)
        {
            run.Resources.Set(ImplicitApiLogicalId, existing);
        }
        else
        {
            run.Resources.Remove(ImplicitApiLogicalId);
        }
    }
}
