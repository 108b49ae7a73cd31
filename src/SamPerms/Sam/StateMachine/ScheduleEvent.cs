using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.StateMachine;

/// <summary>
/// Schedule: an EventBridge rule on a schedule expression whose target starts the state machine, through a role
/// SAM creates (unless RoleArn is given) trusted by events.amazonaws.com.
/// </summary>
public sealed class ScheduleEvent : StateMachineEventSource
{
    private static readonly PropertyTable Table = new(
        ("Schedule", PropertySpec.Mandatory(V.Str)),
        ("Input", PropertySpec.Optional(V.Str)),
        ("Enabled", PropertySpec.Optional(V.Bool)),
        ("State", PropertySpec.Optional(V.Str)),
        ("Name", PropertySpec.Optional(V.Str)),
        ("Description", PropertySpec.Optional(V.Str)),
        ("DeadLetterConfig", PropertySpec.Optional(V.Dict)),
        ("RetryPolicy", PropertySpec.Optional(V.Dict)),
        ("Target", PropertySpec.Strict(V.Dict)),
        ("RoleArn", PropertySpec.Strict(V.Str)));

    public override string Type => "Schedule";

    protected override PropertyTable PropertyTypes => Table;

    protected override string Principal => "events.amazonaws.com";

    public override IList<CfnResource> ToCloudFormation(StateMachineEventContext ectx)
    {
        var origin = Origin(ectx.Owner);
        var attributes = ectx.PassthroughAttributes();
        var rule = new CfnResource(LogicalId, "AWS::Events::Rule") { Origin = origin }.WithAttributes(attributes);
        var resources = new List<CfnResource> { rule };
        rule["ScheduleExpression"] = Prop("Schedule");

        var state = Prop("State");
        var enabled = Prop("Enabled");
        if (Py.Truthy(state) && enabled is not null)
        {
            throw Error("State and Enabled Properties cannot both be specified.", state);
        }

        if (Py.Truthy(state))
        {
            rule["State"] = state;
        }

        if (enabled is not null)
        {
            rule["State"] = Py.Truthy(enabled) ? "ENABLED" : "DISABLED";
        }

        rule["Name"] = Prop("Name");
        rule["Description"] = Prop("Description");

        Node roleArn;
        if (Prop("RoleArn") is { } given)
        {
            roleArn = given;
        }
        else
        {
            var role = ConstructRole(ectx);
            resources.Add(role);
            roleArn = role.GetAtt("Arn");
        }

        Node? queueArn = null;
        if (Prop("DeadLetterConfig") is MapNode dlq)
        {
            RuleDeadLetterQueue.Validate(LogicalId, dlq);
            (queueArn, var queueResources) = RuleDeadLetterQueue.QueueArnAndResources(LogicalId, dlq, rule.GetAtt("Arn"), attributes, origin);
            resources.AddRange(queueResources);
        }

        var target = N.Map(("Arn", ectx.TargetArn()), ("Id", RuleTargetId(Prop("Target"), "StepFunctionsTarget")), ("RoleArn", roleArn));
        if (Prop("Input") is { } input)
        {
            target.Set("Input", input);
        }

        if (queueArn is not null)
        {
            target.Set("DeadLetterConfig", N.Map(("Arn", queueArn)));
        }

        if (Prop("RetryPolicy") is { } retry)
        {
            target.Set("RetryPolicy", retry);
        }

        rule["Targets"] = N.Seq(target);
        return resources;
    }
}
