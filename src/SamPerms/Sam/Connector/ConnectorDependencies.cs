using SamPerms.Model;

namespace SamPerms.Sam.Connector;

/// <summary>
/// DependsOn wiring in the output template for connectors: a resource that must wait for a connector's policy
/// (an event source mapping needs its queue permissions before it is created), and resources that declared
/// DependsOn on the connector itself, which then depend on what the connector generated.
/// </summary>
internal static class ConnectorDependencies
{
    /// <summary>Add <paramref name="dependency"/> to the resource's DependsOn (made a list) unless already there.</summary>
    public static void Add(MapNode outputResources, string logicalId, string dependency)
    {
        if (outputResources.Get(logicalId) is not MapNode resource || resource.Count == 0)
        {
            return;
        }

        var deps = InsertUnique(resource.Get("DependsOn") ?? new SeqNode(), [new StringNode(dependency)]);
        resource.Set("DependsOn", deps);
    }

    /// <summary>Every DependsOn naming the connector names the resources it generated instead.</summary>
    public static void ReplaceConnector(MapNode outputResources, string connectorId, IReadOnlyList<string> generatedIds)
    {
        foreach (var e in outputResources.Entries)
        {
            if (e.Value is not MapNode resource)
            {
                continue;
            }

            var deps = AsList(resource.Get("DependsOn") ?? new SeqNode());
            int index = deps.Items.FindIndex(d => d is StringNode s && s.Value == connectorId);
            if (index < 0)
            {
                continue;
            }

            deps.Items.RemoveAt(index);
            resource.Set("DependsOn", InsertUnique(deps, generatedIds.Select(id => (Node)new StringNode(id))));
        }
    }

    /// <summary>The event source mappings from the event source to the function (by Ref/GetAtt of each).</summary>
    public static IEnumerable<string> EventSourceMappings(MapNode outputResources, string eventSourceId, string functionId)
    {
        foreach (var e in outputResources.Entries)
        {
            if (e.Value is not MapNode resource || resource.Get("Type") is not StringNode { Value: "AWS::Lambda::EventSourceMapping" })
            {
                continue;
            }

            // The reference reads the mapping's properties with .get: anything but a map fails with a Python error.
            var value = resource.Get("Properties") ?? new MapNode();
            if (value is not MapNode properties)
            {
                throw new Core.InvalidResourceException(e.Key, "Properties of a resource must be an object.").Locate(value);
            }

            var mappedFunction = Intrinsics.LogicalIdOf(properties.Get("FunctionName"));
            var mappedSource = Intrinsics.LogicalIdOf(properties.Get("EventSourceArn"));
            if (mappedFunction == functionId && mappedSource == eventSourceId)
            {
                yield return e.Key;
            }
        }
    }

    private static SeqNode AsList(Node value) => value as SeqNode ?? N.Seq(value);

    /// <summary>The reference's insert_unique: a copy of the list, plus each value not yet in it.</summary>
    private static SeqNode InsertUnique(Node existing, IEnumerable<Node> values)
    {
        var list = existing is SeqNode s ? (SeqNode)s.Clone() : N.Seq(existing.Clone());
        foreach (var v in values)
        {
            if (!list.Items.Any(x => Py.Equal(x, v)))
            {
                list.Add(v);
            }
        }

        return list;
    }
}
