using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events;

/// <summary>What an event source's expansion receives (the reference's kwargs).</summary>
public sealed class EventContext(TransformContext transform, FunctionTarget function, CfnResource? role, SamResource owner)
{
    public TransformContext Transform { get; } = transform;

    /// <summary>The function or its alias.</summary>
    public FunctionTarget Function { get; } = function;

    /// <summary>The generated execution role, when SAM generates one (pollers add their policies to it).</summary>
    public CfnResource? Role { get; } = role;

    /// <summary>The SAM resource the event belongs to (function or state machine).</summary>
    public SamResource Owner { get; } = owner;
}
