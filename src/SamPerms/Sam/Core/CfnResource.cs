using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>
/// A CloudFormation resource produced by the transform: type, properties, resource attributes, and where it
/// came from. Setting a property to null (or YAML null) leaves it out, as the reference omits None.
/// </summary>
public sealed class CfnResource(string logicalId, string type)
{
    private string _logicalId = Checked(logicalId);

    /// <summary>The id; like the reference's Resource.__init__, an id that is not alphanumeric is refused.</summary>
    public string LogicalId
    {
        get => _logicalId;
        set => _logicalId = Checked(value);
    }

    public string Type { get; } = type;

    public MapNode Properties { get; } = new();

    public Node? DependsOn { get; set; }

    /// <summary>Condition, DeletionPolicy, UpdateReplacePolicy, UpdatePolicy, Metadata.</summary>
    public MapNode Attributes { get; } = new();

    public Origin? Origin { get; set; }

    /// <summary>
    /// Generated ids embed user values (an alias name, a route key, a resolver name); one that makes the id
    /// non-alphanumeric is an error about that id, as in the reference.
    /// </summary>
    private static string Checked(string logicalId) =>
        PropertyTable.IsValidLogicalId(logicalId) ? logicalId : throw new InvalidResourceException(logicalId, "Logical ids must be alphanumeric.");

    public Node? this[string property]
    {
        get => Properties.Get(property);
        set => Set(property, value);
    }

    public CfnResource Set(string property, Node? value)
    {
        if (value is null or NullNode)
        {
            Properties.Remove(property);
        }
        else
        {
            Properties.Set(property, value);
        }

        return this;
    }

    public CfnResource WithAttributes(MapNode? attributes)
    {
        if (attributes is not null)
        {
            foreach (var e in attributes.Entries)
            {
                Attributes.Set(e.Key, e.Value);
            }
        }

        return this;
    }

    public CfnResource SetAttribute(string name, Node? value)
    {
        if (value is null)
        {
            Attributes.Remove(name);
        }
        else
        {
            Attributes.Set(name, value);
        }

        return this;
    }

    public string? Condition => Attributes.Get("Condition")?.Str;

    /// <summary>
    /// Condition, DeletionPolicy and UpdateReplacePolicy of this resource (the reference's
    /// get_passthrough_resource_attributes): what the resources an event creates for it inherit.
    /// </summary>
    public MapNode PassthroughAttributes() => SamResource.PassthroughAttributesOf(Attributes);

    public MapNode Ref() => N.Ref(LogicalId);

    public MapNode GetAtt(string attribute) => N.GetAtt(LogicalId, attribute);

    /// <summary>The resource as it appears under Resources.</summary>
    public MapNode ToNode()
    {
        var m = new MapNode();
        m.Set("Type", Type);
        if (DependsOn is not null && Py.Truthy(DependsOn))
        {
            m.Set("DependsOn", DependsOn);
        }

        foreach (var e in Attributes.Entries)
        {
            m.Set(e.Key, e.Value);
        }

        m.Set("Properties", Properties);
        return m;
    }
}
