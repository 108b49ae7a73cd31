using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.StateMachine;

/// <summary>
/// Schedule: an EventBridge rule on a schedule expression (built as for a function, see <see cref="EventRules"/>)
/// whose target starts the state machine, through a role SAM creates (unless RoleArn is given) trusted by
/// events.amazonaws.com.
/// </summary>
public sealed class StateMachineScheduleEvent : StateMachineEventSource
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
        var attributes = ectx.PassthroughAttributes();
        var rule = EventRules.ScheduleRule(this, attributes);
        var resources = new List<CfnResource> { rule };
        var roleArn = Prop("RoleArn");
        if (roleArn is null)
        {
            var role = ConstructRole(ectx);
            resources.Add(role);
            roleArn = role.GetAtt("Arn");
        }

        var deadLetterArn = EventBridgeDeadLetters.ForRule(this, rule.GetAtt("Arn"), attributes, resources);
        var id = EventRules.TargetId(this, EventRules.StepFunctionsTargetSuffix);
        rule["Targets"] = N.Seq(EventRules.Target(this, ectx.TargetArn(), id, roleArn, deadLetterArn));
        return resources;
    }
}
