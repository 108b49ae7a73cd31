using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.StateMachine;

/// <summary>
/// StateMachineCloudWatchEvent: an EventBridge rule on an event pattern, on the default or a named bus (built as for a
/// function, see <see cref="EventRules"/>), whose target starts the state machine through a role SAM creates,
/// trusted by events.amazonaws.com.
/// </summary>
public class StateMachineCloudWatchEvent : StateMachineEventSource
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
        var attributes = ectx.PassthroughAttributes();
        var rule = EventRules.PatternRule(this, attributes);

        // Without an Enabled property this is State when given.
        rule["State"] = EventRules.State(this);

        var role = ConstructRole(ectx);
        var resources = new List<CfnResource> { rule, role };
        var deadLetterArn = EventBridgeDeadLetters.ForRule(this, rule.GetAtt("Arn"), attributes, resources);
        var id = EventRules.TargetId(this, EventRules.StepFunctionsTargetSuffix);
        rule["Targets"] = N.Seq(EventRules.Target(this, ectx.TargetArn(), id, role.GetAtt("Arn"), deadLetterArn));
        return resources;
    }
}
