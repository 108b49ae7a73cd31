using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;
using SamPerms.Sam.Iam;

namespace SamPerms.Sam.StateMachine;

/// <summary>
/// ScheduleV2: an EventBridge Scheduler schedule that starts the state machine, through a role SAM creates
/// (unless RoleArn is given) trusted by scheduler.amazonaws.com; with a dead-letter queue, that role may also
/// send to it. The reference shares this class with functions (scheduler.py); this is its state machine side.
/// </summary>
public sealed class ScheduleV2Event : StateMachineEventSource
{
    private static readonly PropertyTable Table = new(
        ("PermissionsBoundary", PropertySpec.Optional(V.Str)),
        ("ScheduleExpression", PropertySpec.Mandatory(V.Str)),
        ("FlexibleTimeWindow", PropertySpec.Optional(V.Dict)),
        ("Name", PropertySpec.Optional(V.Str)),
        ("State", PropertySpec.Optional(V.Str)),
        ("Description", PropertySpec.Optional(V.Str)),
        ("StartDate", PropertySpec.Optional(V.Str)),
        ("EndDate", PropertySpec.Optional(V.Str)),
        ("ScheduleExpressionTimezone", PropertySpec.Optional(V.Str)),
        ("GroupName", PropertySpec.Optional(V.Str)),
        ("KmsKeyArn", PropertySpec.Optional(V.Str)),
        ("Input", PropertySpec.Optional(V.Str)),
        ("RoleArn", PropertySpec.Optional(V.Str)),
        ("DeadLetterConfig", PropertySpec.Optional(V.Dict)),
        ("RetryPolicy", PropertySpec.Optional(V.Dict)),
        ("OmitName", PropertySpec.Strict(V.Bool)));

    public override string Type => "ScheduleV2";

    protected override PropertyTable PropertyTypes => Table;

    protected override string Principal => "scheduler.amazonaws.com";

    public override IList<CfnResource> ToCloudFormation(StateMachineEventContext ectx)
    {
        var origin = Origin(ectx.Owner);
        var attributes = ectx.PassthroughAttributes();
        var schedule = ConstructSchedule(attributes, origin);
        var resources = new List<CfnResource> { schedule };

        // Scheduler sends to the queue with the schedule's role: no queue policy.
        var queueArn = EventBridgeDeadLetters.ForSchedule(this, attributes, resources);

        var roleArn = Prop("RoleArn");
        if (!Py.Truthy(roleArn))
        {
            var role = ConstructExecutionRole(ectx, attributes, queueArn, origin);
            resources.Add(role);
            roleArn = role.GetAtt("Arn");
        }

        schedule["Target"] = EventRules.Target(this, ectx.TargetArn(), id: null, roleArn, queueArn);
        return resources;
    }

    private CfnResource ConstructSchedule(MapNode attributes, Origin origin)
    {
        var schedule = new CfnResource(LogicalId, "AWS::Scheduler::Schedule") { Origin = origin }.WithAttributes(attributes);
        schedule["ScheduleExpression"] = Prop("ScheduleExpression");
        if (Py.Truthy(Prop("State")))
        {
            schedule["State"] = Prop("State");
        }

        if (Py.Truthy(Prop("OmitName")))
        {
            // OmitName lets the same template deploy to several stacks: no Name at all.
            if (Py.Truthy(Prop("Name")))
            {
                throw new InvalidEventException(LogicalId, "Name cannot be set when OmitName is True").Locate(Prop("Name"));
            }
        }
        else
        {
            schedule["Name"] = Py.Truthy(Prop("Name")) ? Prop("Name") : new StringNode(LogicalId);
        }

        schedule["Description"] = Prop("Description");
        schedule["FlexibleTimeWindow"] = Py.Truthy(Prop("FlexibleTimeWindow")) ? Prop("FlexibleTimeWindow") : N.Map(("Mode", "OFF"));
        foreach (var name in new[] { "StartDate", "EndDate", "ScheduleExpressionTimezone", "GroupName", "KmsKeyArn" })
        {
            schedule[name] = Prop(name);
        }

        return schedule;
    }

    /// <summary>The schedule's role: start executions of the target, and send to the dead-letter queue if any.</summary>
    private CfnResource ConstructExecutionRole(StateMachineEventContext ectx, MapNode attributes, Node? queueArn, Origin origin)
    {
        var role = new CfnResource(LogicalId + "Role", "AWS::IAM::Role") { Origin = origin }.WithAttributes(attributes.ShallowCopy());
        role["AssumeRolePolicyDocument"] = IamPolicies.AssumeRoleForService(Principal);
        var policies = N.Seq(IamPolicies.StepFunctionsStartExecution(ectx.TargetArn(), LogicalId));
        if (Py.Truthy(queueArn))
        {
            policies.Add(IamPolicies.SqsSendMessage(queueArn!, LogicalId));
        }

        role["Policies"] = policies;
        if (Py.Truthy(Prop("PermissionsBoundary")))
        {
            role["PermissionsBoundary"] = Prop("PermissionsBoundary");
        }

        return role;
    }
}
