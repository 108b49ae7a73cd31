using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;

namespace SamPerms.Sam.Function;

public sealed partial class SamFunction
{
    private readonly Dictionary<string, EventSource> _linkedEvents = new(StringComparer.Ordinal);

    /// <summary>The reference's resources_to_link: every event reads the resources it will edit.</summary>
    public override void LinkResources(TransformContext ctx)
    {
        try
        {
            if (Prop("Events") is not MapNode events || events.Count == 0)
            {
                return;
            }

            foreach (var e in events.Entries)
            {
                var source = EventSourceTypes.Create(e.Value, e.Key);
                source.Load(LogicalId + e.Key, (MapNode)e.Value, e.Key);
                source.LinkResources(ctx, this);
                _linkedEvents[e.Key] = source;
            }
        }
        catch (InvalidEventException e)
        {
            throw new InvalidResourceException(LogicalId, e.Message).Locate(e.At);
        }
    }

    /// <summary>
    /// Expands each event, in the reference's order (by Path, else by id, so HttpApi's "$default" comes first),
    /// against the alias when there is one, else the function.
    /// </summary>
    private List<CfnResource> GenerateEventResources(CfnResource function, CfnResource role, CfnResource? alias, TransformContext ctx)
    {
        var resources = new List<CfnResource>();
        if (Prop("Events") is not MapNode events || events.Count == 0)
        {
            return resources;
        }

        var target = new FunctionTarget(alias ?? function);
        var ectx = new EventContext(ctx, target, role, this);
        foreach (var e in events.Entries.OrderBy(OrderKey, StringComparer.Ordinal))
        {
            if (!_linkedEvents.TryGetValue(e.Key, out var source))
            {
                source = EventSourceTypes.Create(e.Value, e.Key);
                source.Load(function.LogicalId + e.Key, (MapNode)e.Value, e.Key);
            }

            foreach (var r in source.ToCloudFormation(ectx))
            {
                r.Origin ??= source.Origin(this);
                resources.Add(r);
            }
        }

        return resources;
    }

    private static string OrderKey(MapEntry e)
    {
        if (e.Value is not MapNode m)
        {
            return e.Key;
        }

        var path = (m.Get("Properties") as MapNode)?.Get("Path");
        return path is StringNode s ? s.Value : path is null ? e.Key : Py.Str(path);
    }
}
