using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Function;

public sealed partial class SamFunction
{
    private readonly LinkedEvents _events = new(EventSourceTypes.Create);

    /// <summary>The reference's resources_to_link: every event reads the resources it will edit.</summary>
    public override void LinkResources(TransformContext ctx) => _events.Link(this, ctx);

    /// <summary>
    /// Expands each event, in the reference's order (by Path, else by id, so HttpApi's "$default" comes first),
    /// against the alias when there is one, else the function.
    /// </summary>
    private List<CfnResource> GenerateEventResources(CfnResource function, CfnResource role, CfnResource? alias, TransformContext ctx)
    {
        if (Prop("Events") is not MapNode events || events.Count == 0)
        {
            return [];
        }

        var ectx = new EventContext(ctx, new FunctionTarget(alias ?? function), role, this);
        return _events.Expand(this, events.Entries.OrderBy(OrderKey, StringComparer.Ordinal), source => source.ToCloudFormation(ectx));
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
