using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;
using SamPerms.Sam.Plugins;

namespace SamPerms.Sam.Api.Plugins;

/// <summary>
/// The reference's ImplicitApiPlugin: functions' (and state machines') API events without an API id get an API
/// SAM creates (ServerlessRestApi / ServerlessHttpApi), added to the template before Globals apply; each event's
/// path and method go into the definition of the API it names; conditions, DeletionPolicy and
/// UpdateReplacePolicy of the owners carry over to the implicit API and its paths; an implicit API no event
/// uses is removed again. Subclasses give the ids, types and editor. The per-event work is in
/// <c>ImplicitApiPluginBase.Events.cs</c>, what follows for the APIs in <c>ImplicitApiPluginBase.ImplicitApi.cs</c>.
/// </summary>
public abstract partial class ImplicitApiPluginBase : ISamPlugin
{
    protected abstract string ApiIdEventProperty { get; }

    protected abstract string ImplicitApiLogicalId { get; }

    protected abstract string ImplicitApiCondition { get; }

    protected abstract string ApiEventType { get; }

    protected abstract string ServerlessApiResourceType { get; }

    /// <summary>A new implicit API resource (type and properties).</summary>
    protected abstract MapNode GenerateImplicitApiResource();

    protected abstract bool IsValidDefinition(Node? definition);

    /// <summary>The type's editor (Swagger for REST, OpenAPI for HTTP) on a copy of the definition, or on it in place.</summary>
    protected abstract OpenApiEditorBase EditorFor(Node definition, bool inPlace = false);

    /// <summary>One template's bookkeeping (the plugin object is shared between transforms).</summary>
    protected sealed class Run(MapNode template, DefinitionEdits edits)
    {
        public MapNode Template { get; } = template;

        public DefinitionEdits Edits { get; } = edits;

        public MapNode Resources { get; } = (MapNode)template.Get("Resources")!;

        // api id → path → method → condition (null when the owner has none); insertion ordered like the reference's dicts.
        public Dictionary<string, RecordedRoutes> Conditions { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<Node?>> DeletionPolicies { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<Node?>> UpdateReplacePolicies { get; } = new(StringComparer.Ordinal);
    }

    public void BeforeTransformTemplate(MapNode template, TransformContext ctx)
    {
        var run = new Run(template, ctx.State<DefinitionEdits>());
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

    /// <summary>SamTemplate.iterate: valid SAM resources of the given types (checking Condition is a string).</summary>
    protected static IEnumerable<(string LogicalId, MapNode Resource)> Iterate(MapNode resources, params string[] types)
    {
        foreach (var e in resources.Entries.ToArray())
        {
            if (e.Value is MapNode r && SamTypes.IsSamResource(r) && types.Contains(r.Get("Type")!.Str))
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
}
