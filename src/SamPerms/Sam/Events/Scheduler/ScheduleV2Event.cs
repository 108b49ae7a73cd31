using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Shared;
using SamPerms.Sam.Iam;
using SamPerms.Sam.StateMachine;

namespace SamPerms.Sam.Events.Scheduler;

/// <summary>
/// ScheduleV2: an EventBridge Scheduler schedule, for a function or a state machine alike (the reference's one
/// SchedulerEventSource serves both). Scheduler calls its target with an execution role rather than through a
/// resource policy, so SAM creates that role (unless RoleArn is given), allowed to invoke the function or to
/// start the state machine; a dead-letter queue SAM creates is likewise reached through the role, not a queue
/// policy.
/// </summary>
public sealed class ScheduleV2Event : EventSource
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

    public override IList<CfnResource> ToCloudFormation(EventContext ectx) =>
        Expand(ectx.Function.Resource, ectx.Function.Arn(), IamPolicies.LambdaInvokeFunction);

    public override IList<CfnResource> ToCloudFormation(StateMachineEventContext ectx) =>
        Expand(ectx.Target, ectx.TargetArn(), IamPolicies.StepFunctionsStartExecution);

    /// <param name="target">The function, state machine or alias the schedule calls.</param>
    /// <param name="targetArn">Its ARN.</param>
    /// <param name="targetPolicy">The role's policy allowing the call (ARN, policy name prefix).</param>
    private List<CfnResource> Expand(CfnResource target, Node targetArn, Func<Node, string, MapNode> targetPolicy)
    {
        var attributes = target.PassthroughAttributes();
        var schedule = ConstructSchedule(attributes);
        var resources = new List<CfnResource> { schedule };
        var deadLetterArn = EventBridgeDeadLetters.ForSchedule(this, attributes, resources);

        var roleArn = Prop("RoleArn");
        if (!Py.Truthy(roleArn))
        {
            var role = ConstructExecutionRole(targetPolicy(targetArn, LogicalId), attributes, deadLetterArn);
            resources.Add(role);
            roleArn = role.GetAtt("Arn");
        }

        schedule["Target"] = EventRules.Target(this, targetArn, id: null, roleArn, deadLetterArn);
        return resources;
    }

    private CfnResource ConstructSchedule(MapNode attributes)
    {
        var schedule = new CfnResource(LogicalId, "AWS::Scheduler::Schedule").WithAttributes(attributes);
        schedule["ScheduleExpression"] = Prop("ScheduleExpression");
        if (Py.Truthy(Prop("State")))
        {
            schedule["State"] = Prop("State");
        }

        // SAM used to always name the schedule, which breaks deploying a template twice in one account;
        // OmitName lets CloudFormation name it instead.
        if (Py.Truthy(Prop("OmitName")))
        {
            if (Py.Truthy(Prop("Name")))
            {
                throw new InvalidEventException(LogicalId, "Name cannot be set when OmitName is True").Locate(Prop("Name"));
            }
        }
        else
        {
            schedule["Name"] = Py.Truthy(Prop("Name")) ? Prop("Name") : LogicalId;
        }

        schedule["Description"] = Prop("Description");
        schedule["FlexibleTimeWindow"] = Py.Truthy(Prop("FlexibleTimeWindow")) ? Prop("FlexibleTimeWindow") : N.Map(("Mode", "OFF"));
        foreach (var name in new[] { "StartDate", "EndDate", "ScheduleExpressionTimezone", "GroupName", "KmsKeyArn" })
        {
            schedule[name] = Prop(name);
        }

        return schedule;
    }

    /// <summary>The role Scheduler assumes: call the target, and send to the dead-letter queue when there is one.</summary>
    private CfnResource ConstructExecutionRole(MapNode targetPolicy, MapNode attributes, Node? deadLetterArn)
    {
        var role = new CfnResource(LogicalIds.Generate(LogicalId + "Role"), "AWS::IAM::Role").WithAttributes(attributes);
        role["AssumeRolePolicyDocument"] = IamPolicies.AssumeRoleForService("scheduler.amazonaws.com");
        var policies = N.Seq(targetPolicy);
        if (Py.Truthy(deadLetterArn))
        {
            policies.Add(IamPolicies.SqsSendMessage(deadLetterArn!, LogicalId));
        }

        role["Policies"] = policies;
        if (Py.Truthy(Prop("PermissionsBoundary")))
        {
            role["PermissionsBoundary"] = Prop("PermissionsBoundary");
        }

        return role;
    }
}
