using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events;

/// <summary>
/// The reference's resolve_resource_type for events: the class of an entry under Events, from its Type, among the
/// types its owner accepts (<see cref="EventSourceTypes"/> for a function, StateMachineEventTypes for a state
/// machine), with the reference's messages when the entry is not a map or its type is unknown.
/// </summary>
public static class EventTypeResolver
{
    public static EventSource Create(IReadOnlyDictionary<string, Func<EventSource>> factories, Node eventDict, string eventId)
    {
        if (eventDict is not MapNode m)
        {
            // The reference calls .get on the value and reports Python's AttributeError.
            throw new InvalidEventException(eventId, $"'{Model.Py27.Py27Str.TypeName(eventDict)}' object has no attribute 'get'").Locate(eventDict);
        }

        var type = m.Get("Type");
        if (type is StringNode t && factories.TryGetValue(t.Value, out var factory))
        {
            return factory();
        }

        throw new InvalidEventException(eventId, $"Resource dict has missing or invalid value for key Type. Event Type is: {Model.Py27.Py27Str.ForMessage(type)}.").Locate(type ?? m);
    }
}
