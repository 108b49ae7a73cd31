using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;
using SamPerms.Sam.Iam;

namespace SamPerms.Sam.StateMachine;

/// <summary>
/// One entry of a state machine's Events. Unlike a function's events (which grant a service permission to
/// invoke), these create an IAM role the service assumes to call states:StartExecution on the target.
/// </summary>
public abstract class StateMachineEventSource : EventSource
{
    /// <summary>The service that assumes the role SAM creates for this event.</summary>
    protected abstract string Principal { get; }

    /// <summary>State machine events expand against a state machine, never a function.</summary>
    public sealed override IList<CfnResource> ToCloudFormation(EventContext ectx) =>
        throw new InvalidOperationException($"{Type} events of a state machine expand with a StateMachineEventContext.");

    public abstract override IList<CfnResource> ToCloudFormation(StateMachineEventContext ectx);

    /// <summary>
    /// The role the event's service assumes, allowed to start executions of the target (the reference's
    /// EventSource._construct_role). Its id is the event's logical id + "Role".
    /// </summary>
    protected CfnResource ConstructRole(StateMachineEventContext ectx)
    {
        var roleId = LogicalId + "Role";
        var role = new CfnResource(roleId, "AWS::IAM::Role").WithAttributes(ectx.PassthroughAttributes());
        role["AssumeRolePolicyDocument"] = IamPolicies.AssumeRoleForService(Principal);
        role["Policies"] = N.Seq(IamPolicies.StepFunctionsStartExecution(ectx.TargetArn(), roleId));
        if (Py.Truthy(ectx.PermissionsBoundary))
        {
            role["PermissionsBoundary"] = ectx.PermissionsBoundary;
        }

        return role;
    }
}
