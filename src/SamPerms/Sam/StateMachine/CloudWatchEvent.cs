using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.StateMachine;

/// <summary>
/// CloudWatchEvent: an EventBridge rule on an event pattern (on the default or a named bus) whose target starts
/// the state machine through a role SAM creates, trusted by events.amazonaws.com.
/// </summary>
public class CloudWatchEvent : StateMachineEventSource
{
    private static readonly PropertyTable Table = new(
        ("EventBusName", PropertySpec.Optional(V.Str)),
        ("RuleName", PropertySpec.Optional(V.Str)),
        ("Pattern", PropertySpec.Optional(V.Dict)),
        ("Input", PropertySpec.Optional(V.Str)),
        ("InputPath", PropertySpec.Optional(V.Str)),
        ("DeadLetterConfig", PropertySpec.Optional(V.Dict)),
        ("RetryPolicy", PropertySpec.Optional(V.Dict)),
        ("State", PropertySpec.Optional(V.Str)),
        ("Target", PropertySpec.Strict(V.Dict)),
        ("InputTransformer", PropertySpec.Optional(V.Dict)));

    public override string Type => "CloudWatchEvent";

    protected override PropertyTable PropertyTypes => Table;

    protected override string Principal => "events.amazonaws.com";

    public override IList<CfnResource> ToCloudFormation(StateMachineEventContext ectx)
    {
        var origin = Origin(ectx.Owner);
        var attributes = ectx.PassthroughAttributes();
        var rule = new CfnResource(LogicalId, "AWS::Events::Rule") { Origin = origin }.WithAttributes(attributes);
        rule["EventBusName"] = Prop("EventBusName");
        rule["EventPattern"] = Prop("Pattern");
        rule["Name"] = Prop("RuleName");
        if (Py.Truthy(Prop("State")))
        {
            rule["State"] = Prop("State");
        }

        var role = ConstructRole(ectx);
        var resources = new List<CfnResource> { rule, role };

        Node? queueArn = null;
        if (Prop("DeadLetterConfig") is MapNode dlq)
        {
            RuleDeadLetterQueue.Validate(LogicalId, dlq);
            (queueArn, var queueResources) = RuleDeadLetterQueue.QueueArnAndResources(LogicalId, dlq, rule.GetAtt("Arn"), attributes, origin);
            resources.AddRange(queueResources);
        }

        var target = N.Map(("Arn", ectx.TargetArn()), ("Id", RuleTargetId(Prop("Target"), "StepFunctionsTarget")), ("RoleArn", role.GetAtt("Arn")));
        foreach (var name in new[] { "Input", "InputPath" })
        {
            if (Prop(name) is { } value)
            {
                target.Set(name, value);
            }
        }

        if (queueArn is not null)
        {
            target.Set("DeadLetterConfig", N.Map(("Arn", queueArn)));
        }

        foreach (var name in new[] { "RetryPolicy", "InputTransformer" })
        {
            if (Prop(name) is { } value)
            {
                target.Set(name, value);
            }
        }

        rule["Targets"] = N.Seq(target);
        return resources;
    }
}
