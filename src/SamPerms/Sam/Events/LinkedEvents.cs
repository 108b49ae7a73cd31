using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events;

/// <summary>
/// The Events of a function or a state machine: each entry is read (from_dict) and linked to the resources it
/// will edit once, in the owner's LinkResources (the reference's resources_to_link), and expanded later.
/// </summary>
public sealed class LinkedEvents(Func<Node, string, EventSource> create)
{
    private readonly Dictionary<string, EventSource> _linked = new(StringComparer.Ordinal);

    /// <summary>Loads and links every event; an event's error here is reported as its owner's.</summary>
    public void Link(SamResource owner, TransformContext ctx)
    {
        if (owner.Prop("Events") is not MapNode events)
        {
            return;
        }

        try
        {
            foreach (var e in events.Entries)
            {
                var source = Load(owner, e);
                source.LinkResources(ctx, owner);
                _linked[e.Key] = source;
            }
        }
        catch (InvalidEventException e)
        {
            throw new InvalidResourceException(owner.LogicalId, e.Message).Locate(e.At);
        }
    }

    /// <summary>
    /// Expands the events in the order given, each with <paramref name="expand"/>; the resources an event makes
    /// are attributed to its Events.&lt;id&gt; unless they say otherwise. Errors are the events' own.
    /// </summary>
    public List<CfnResource> Expand(SamResource owner, IEnumerable<MapEntry> entries, Func<EventSource, IList<CfnResource>> expand)
    {
        var resources = new List<CfnResource>();
        foreach (var e in entries)
        {
            if (!_linked.TryGetValue(e.Key, out var source))
            {
                source = Load(owner, e);
            }

            // An error about a value SAM made for this event (a path in an implicit API's definition) points at the event.
            foreach (var r in ErrorPlaces.LocatedAt(e.Value, () => expand(source)))
            {
                r.Origin ??= source.Origin(owner);
                resources.Add(r);
            }
        }

        return resources;
    }

    private EventSource Load(SamResource owner, MapEntry e)
    {
        var source = create(e.Value, e.Key);
        source.Load(owner.LogicalId + e.Key, (MapNode)e.Value, e.Key);
        return source;
    }
}
