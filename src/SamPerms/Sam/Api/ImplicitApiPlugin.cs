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
public abstract class ImplicitApiPlugin : ISamPlugin
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
        Expect.That(path, eventId, "Path", isEvent: true).ToNotBeNone();
        Expect.That(method, eventId, "Method", isEvent: true).ToNotBeNone();
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

    private void MaybeAddConditionToImplicitApi(ImplicitApiState state, MapNode template)
    {
        if (!state.Conditions.TryGetValue(ImplicitApiLogicalId, out var byPath) || byPath.Count == 0)
        {
            return;
        }

        // The implicit API gets a condition only when every one of its methods has one.
        var conditions = DistinctConditions(byPath.Values.SelectMany(m => m.Values));
        if (conditions.Count == 0 || conditions.Any(c => c is null))
        {
            return;
        }

        var implicitApi = (MapNode)((MapNode)template.Get("Resources")!).Get(ImplicitApiLogicalId)!;
        if (conditions.Count == 1)
        {
            implicitApi.Set("Condition", conditions[0]!);
        }
        else
        {
            implicitApi.Set("Condition", ImplicitApiCondition);
            AddCombinedConditionToTemplate(template, ImplicitApiCondition, conditions.Select(c => Py.Str(c)));
        }
    }

    /// <summary>
    /// DeletionPolicy / UpdateReplacePolicy of the implicit API: the strongest one any of its functions has, in
    /// the order given (Retain first).
    /// </summary>
    private void MaybeAddPolicyToImplicitApi(Dictionary<string, List<Node?>> policies, string attribute, string[] strength, MapNode template)
    {
        if (!policies.TryGetValue(ImplicitApiLogicalId, out var list) || list.Count == 0 || !list.Any(Py.Truthy))
        {
            return;
        }

        var implicitApi = (MapNode)((MapNode)template.Get("Resources")!).Get(ImplicitApiLogicalId)!;
        foreach (var policy in strength)
        {
            if (list.Any(p => p is StringNode s && s.Value == policy))
            {
                implicitApi.Set(attribute, policy);
                return;
            }
        }
    }

    /// <summary>Conditions as a set (the reference collects them into a Python set).</summary>
    private static List<Node?> DistinctConditions(IEnumerable<Node?> conditions)
    {
        var result = new List<Node?>();
        foreach (var c in conditions)
        {
            if (!result.Any(r => Py.Equal(r, c)))
            {
                result.Add(c);
            }
        }

        return result;
    }

    /// <summary>Adds an Fn::Or of the conditions (split in chains of at most 10) to the template's Conditions.</summary>
    protected static void AddCombinedConditionToTemplate(MapNode template, string conditionName, IEnumerable<string> conditionsToCombine)
    {
        if (template.Get("Conditions") is not MapNode conditions)
        {
            conditions = new MapNode();
            template.Set("Conditions", conditions);
        }

        foreach (var (name, definition) in MakeCombinedCondition(conditionsToCombine.Order(StringComparer.Ordinal).ToList(), conditionName))
        {
            conditions.Set(name, definition);
        }
    }

    /// <summary>
    /// The reference's make_combined_condition: Fn::Or takes at most 10 conditions, so longer lists are chained
    /// through numbered helper conditions (Name1, Name2, ...) and Name itself ORs what is left.
    /// </summary>
    public static List<(string Name, MapNode Definition)> MakeCombinedCondition(List<string> conditions, string conditionName)
    {
        const int MaxConditions = 10;
        var result = new List<(string, MapNode)>();
        if (conditions.Count < 2)
        {
            return result;
        }

        // calculate_number_of_conditions: each extra condition replaces up to 10 with one.
        int zeroBased = (conditions.Count - 2) / (MaxConditions - 1);
        while (conditions.Count > 1)
        {
            var name = conditionName;
            if (zeroBased > 0)
            {
                name = conditionName + zeroBased;
                zeroBased--;
            }

            var or = N.Map(("Fn::Or", N.Seq(conditions.Take(MaxConditions).Select(c => (Node)N.Condition(c)))));
            conditions = [.. conditions.Skip(MaxConditions), name];
            result.Add((name, or));
        }

        return result;
    }

    /// <summary>
    /// A path whose methods all come from functions with conditions exists only under those conditions: the
    /// one condition, or an Fn::Or of them named after the API and path.
    /// </summary>
    private void MaybeAddConditionsToImplicitApiPaths(ImplicitApiState state, MapNode template)
    {
        var resources = (MapNode)template.Get("Resources")!;
        foreach (var (apiId, api) in Iterate(resources, ServerlessApiResourceType).ToList())
        {
            var properties = PropertiesOf(api);
            if (!Py.Truthy(properties.Get(ManageSwagger)))
            {
                continue;
            }

            var editor = CreateEditor(properties.Get("DefinitionBody"));
            foreach (var path in editor.IterOnPath())
            {
                var byMethod = state.Conditions.GetValueOrDefault(apiId)?.GetValueOrDefault(path);
                var conditions = DistinctConditions(byMethod?.Values ?? Enumerable.Empty<Node?>());
                if (conditions.Count == 0 || conditions.Any(c => c is null))
                {
                    continue;
                }

                if (conditions.Count == 1)
                {
                    editor.MakePathConditional(path, Py.Str(conditions[0]));
                }
                else
                {
                    var pathCondition = PathConditionName(apiId, path);
                    AddCombinedConditionToTemplate(template, pathCondition, conditions.Select(c => Py.Str(c)));
                    editor.MakePathConditional(path, pathCondition);
                }
            }

            properties.Set("DefinitionBody", DefinitionOf(editor));
            SetProperties(api, properties);
        }
    }

    /// <summary>A valid condition name from the API id and path: "/" → SLASH, "{" → OB, "}" → CB.</summary>
    private static string PathConditionName(string apiId, string path) =>
        apiId + path.Replace("/", "SLASH").Replace("{", "OB").Replace("}", "CB") + "PathCondition";

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

/// <summary>What one run of an implicit API plugin collects about the APIs' methods.</summary>
public sealed class ImplicitApiState
{
    /// <summary>The author's own resource with the implicit API's logical id, if any.</summary>
    public Node? ExistingImplicitApi { get; set; }

    /// <summary>api id → path → method → the function's condition (null when it has none).</summary>
    public Dictionary<string, Dictionary<string, Dictionary<string, Node?>>> Conditions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<Node?>> DeletionPolicies { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<Node?>> UpdateReplacePolicies { get; } = new(StringComparer.Ordinal);
}
