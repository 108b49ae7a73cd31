using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.StateMachine;

/// <summary>What a state machine event's expansion receives (the reference's resource and kwargs).</summary>
public sealed class StateMachineEventContext(TransformContext transform, CfnResource target, Node? permissionsBoundary, SamResource owner)
{
    public TransformContext Transform { get; } = transform;

    /// <summary>The state machine, or its alias when UseAliasAsEventTarget is set. Its ARN is its Ref.</summary>
    public CfnResource Target { get; } = target;

    /// <summary>The state machine's PermissionsBoundary, given to the roles events create.</summary>
    public Node? PermissionsBoundary { get; } = permissionsBoundary;

    /// <summary>The SAM state machine the event belongs to.</summary>
    public SamResource Owner { get; } = owner;

    public MapNode TargetArn() => Target.Ref();

    /// <summary>Condition, DeletionPolicy and UpdateReplacePolicy of the target, copied to what the event creates.</summary>
    public MapNode PassthroughAttributes() => Target.PassthroughAttributes();
}
