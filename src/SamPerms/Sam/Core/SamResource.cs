using SamPerms.Model;
using SamPerms.Sam.Core.Schema;

namespace SamPerms.Sam.Core;

/// <summary>
/// A SAM resource type (AWS::Serverless::*): reads its properties the way the reference's from_dict does,
/// and expands to CloudFormation resources. One subclass per type; each registers in <see cref="SamResourceTypes"/>.
/// </summary>
public abstract class SamResource
{
    public static readonly string[] SupportedAttributes = ["DeletionPolicy", "UpdatePolicy", "Condition", "UpdateReplacePolicy", "Metadata"];
    public static readonly string[] PassThroughAttributeNames = ["Condition", "DeletionPolicy", "UpdateReplacePolicy"];

    private const string SamTagKey = "lambda:createdBy";
    private static readonly string[] ReservedTags = [SamTagKey, "serverlessrepo:applicationId", "serverlessrepo:semanticVersion"];

    public string LogicalId { get; protected set; } = "";

    /// <summary>The resource as written (after Globals and plugins), shared with the SAM template.</summary>
    public MapNode ResourceDict { get; private set; } = new();

    /// <summary>The Properties map (shared with the SAM template: edits are visible to later resources).</summary>
    public MapNode Properties { get; private set; } = new();

    public Node? DependsOn { get; set; }

    /// <summary>The supported resource attributes present on the resource (Condition, DeletionPolicy, ...).</summary>
    public MapNode ResourceAttributes { get; } = new();

    public abstract string ResourceType { get; }

    protected abstract PropertyTable PropertyTypes { get; }

    /// <summary>Derived properties templates may reference (e.g. "Alias" → AWS::Lambda::Alias).</summary>
    public virtual IReadOnlyDictionary<string, string> ReferableProperties { get; } = new Dictionary<string, string>();

    /// <summary>A property value; null when absent or YAML null (Python's None).</summary>
    public Node? Prop(string name) => Properties.Get(name) is { } v and not NullNode ? v : null;

    /// <summary>
    /// A map property after parameter resolution. An intrinsic passes the property check as a map, but a Ref to a
    /// parameter may resolve to a string or a number, on which the reference fails with a Python error: refuse it
    /// here with the reference's "should be a map" message instead. With <paramref name="falsyIsAbsent"/> a falsy
    /// value counts as absent (where the reference tests the value's truth before reading it).
    /// </summary>
    protected MapNode? ResolvedMapProperty(TransformContext ctx, string name, bool falsyIsAbsent = true)
    {
        var raw = Prop(name);
        var resolved = ctx.Intrinsics.ResolveParameterRefs(raw);
        if (resolved is null or MapNode)
        {
            return resolved as MapNode;
        }

        if (falsyIsAbsent && !Py.Truthy(resolved))
        {
            return null;
        }

        throw new InvalidResourcePropertyTypeException(LogicalId, name, ExpectedType.Map).Locate(raw);
    }

    /// <summary>The reference's from_dict: validate the id and the dict, run resource plugins, check properties.</summary>
    public void Load(string logicalId, MapNode resourceDict, Action<string, string, MapNode>? beforeTransformResource)
    {
        if (!PropertyTable.IsValidLogicalId(logicalId))
        {
            throw new InvalidResourceException(logicalId, "Logical ids must be alphanumeric.");
        }

        LogicalId = logicalId;
        ResourceDict = resourceDict;
        if (!resourceDict.ContainsKey("Type"))
        {
            throw new InvalidResourceException(logicalId, "Resource dict missing key 'Type'.").Locate(resourceDict);
        }

        if (resourceDict.Get("Properties") is { } p && p is not MapNode)
        {
            throw new InvalidResourceException(logicalId, "Properties of a resource must be an object.").Locate(p);
        }

        if (resourceDict.Get("Properties") is not MapNode props)
        {
            props = new MapNode();
        }

        Properties = props;
        beforeTransformResource?.Invoke(logicalId, ResourceType, props);
        if (RefusesUnknownProperties)
        {
            PropertyTypes.CheckKnown(logicalId, ResourceType, props);
        }

        if (resourceDict.TryGet("DependsOn", out var dependsOn))
        {
            DependsOn = dependsOn;
        }

        foreach (var attr in SupportedAttributes)
        {
            if (resourceDict.TryGet(attr, out var v))
            {
                ResourceAttributes.Set(attr, v);
            }
        }

        PropertyTypes.Validate(logicalId, props);
        OnLoaded();
    }

    /// <summary>
    /// Whether a property the type does not define is refused (the reference's validate_setattr). A type that
    /// turns it off (GraphQLApi) silently ignores unknown properties, as the reference does.
    /// </summary>
    protected virtual bool RefusesUnknownProperties => true;

    /// <summary>Extra checks or parsing once the properties are loaded (pydantic models, validation rules).</summary>
    protected virtual void OnLoaded()
    {
    }

    /// <summary>The reference's resources_to_link: look at other SAM resources before expanding.</summary>
    public virtual void LinkResources(TransformContext ctx)
    {
    }

    public abstract IList<CfnResource> ToCloudFormation(TransformContext ctx);

    /// <summary>Condition, DeletionPolicy and UpdateReplacePolicy: copied to every generated resource.</summary>
    public MapNode PassthroughAttributes() => PassthroughAttributesOf(ResourceAttributes);

    /// <summary>The pass-through attributes among <paramref name="attributes"/>, in the reference's order.</summary>
    public static MapNode PassthroughAttributesOf(MapNode attributes)
    {
        var m = new MapNode();
        foreach (var name in PassThroughAttributeNames)
        {
            if (attributes.TryGet(name, out var v))
            {
                m.Set(name, v);
            }
        }

        return m;
    }

    public string? Condition => ResourceAttributes.Get("Condition")?.Str;

    /// <summary>
    /// The reference's validate_properties_and_return_model: the properties as its resource dict has them (in
    /// table order, without null values) parsed with a pydantic schema model. On failure, the message names the
    /// first failing property, or with <paramref name="collectAllErrors"/> every one.
    /// </summary>
    protected MapNode ValidatePropertiesAndReturnModel(SchemaModel model, bool collectAllErrors = false)
    {
        var present = new MapNode { Span = Properties.Span };
        foreach (var name in PropertyTypes.Names)
        {
            if (Prop(name) is { } v)
            {
                present.Set(name, v);
            }
        }

        if (model.Parse(present, out var errors) is { } parsed)
        {
            return parsed;
        }

        var message = collectAllErrors ? SchemaMessages.AllErrors(errors) : SchemaMessages.FirstError(errors);
        throw new InvalidResourceException(LogicalId, message).Locate(Properties);
    }

    /// <summary>The origin of a resource generated because of one of this resource's properties.</summary>
    public Origin OriginOf(string propertyPath = "")
    {
        var span = DeclarationSpan.IsKnown ? DeclarationSpan : ResourceDict.Span;
        if (propertyPath.Length > 0)
        {
            var first = propertyPath.Split('.', '[')[0];
            span = Properties.KeySpanOf(first) is { IsKnown: true } k ? k : Properties.Get(first)?.Span ?? span;
            if (Resolve(propertyPath) is { } found && found.IsKnown)
            {
                span = found;
            }
        }

        return new Origin(LogicalId, ResourceType, propertyPath, span);
    }

    /// <summary>Where the logical id is written (the key under Resources), set by the translator.</summary>
    public Text.SourceSpan DeclarationSpan { get; set; }

    /// <summary>The span of the node at a property path: the key's line for a map entry, the item's for a list entry.</summary>
    private Text.SourceSpan? Resolve(string path)
    {
        Node? cur = Properties;
        Text.SourceSpan span = default;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            int? index = null;
            int b = part.IndexOf('[', StringComparison.Ordinal);
            if (b >= 0 && int.TryParse(part.AsSpan(b + 1, part.Length - b - 2), out var i))
            {
                name = part[..b];
                index = i;
            }

            var map = cur as MapNode;
            cur = map?.Get(name);
            span = map?.KeySpanOf(name) is { IsKnown: true } keySpan ? keySpan : cur?.Span ?? default;
            if (index is { } ix)
            {
                cur = cur is SeqNode s && ix < s.Count ? s[ix] : null;
                span = cur?.Span ?? default;
            }

            if (cur is null)
            {
                return null;
            }
        }

        return span;
    }

    /// <summary>SAM's tag list: lambda:createdBy=SAM first, then extra tags, then the user's (reserved keys refused).</summary>
    public SeqNode ConstructTagList(Node? tags, MapNode? additionalTags = null)
    {
        var tagMap = tags as MapNode;
        if (tagMap is not null)
        {
            foreach (var reserved in ReservedTags)
            {
                if (tagMap.ContainsKey(reserved))
                {
                    throw new InvalidResourceException(LogicalId, $"{reserved} is a reserved Tag key name and cannot be set on your resource. Please change the tag key in the input.").Locate(tagMap);
                }
            }
        }

        var list = new SeqNode();
        list.Add(N.Map(("Key", SamTagKey), ("Value", "SAM")));
        AppendTags(list, additionalTags);
        AppendTags(list, tagMap);
        return list;
    }

    /// <summary>The reference's get_tag_list: {Key, Value} per entry, None becoming "".</summary>
    public static SeqNode TagList(MapNode? tags)
    {
        var list = new SeqNode();
        AppendTags(list, tags);
        return list;
    }

    private static void AppendTags(SeqNode list, MapNode? tags)
    {
        if (tags is null)
        {
            return;
        }

        foreach (var e in tags.Entries)
        {
            list.Add(N.Map(("Key", e.Key), ("Value", e.Value is NullNode ? new StringNode("") : e.Value)));
        }
    }

    /// <summary>The reference's propagate_tags: give every generated resource that has Tags the resource's tags.</summary>
    public static void PropagateTags(IEnumerable<CfnResource> resources, Node? tags, Node? propagate, Func<CfnResource, bool> hasTags, Action<CfnResource, MapNode> assign)
    {
        if (!Py.Truthy(propagate) || !Py.Truthy(tags) || tags is not MapNode tagMap)
        {
            return;
        }

        foreach (var r in resources)
        {
            if (hasTags(r))
            {
                assign(r, tagMap);
            }
        }
    }
}
