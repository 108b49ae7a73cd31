using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Push;

/// <summary>Schedule: an EventBridge rule with a schedule expression that invokes the function.</summary>
public sealed class ScheduleEvent : EventsRuleSource
{
    private static readonly PropertyTable Table = new(
        ("Schedule", PropertySpec.Mandatory(V.Str)),
        ("RuleName", PropertySpec.Optional(V.Str)),
        ("Input", PropertySpec.Optional(V.Str)),
        ("Enabled", PropertySpec.Optional(V.Bool)),
        ("State", PropertySpec.Optional(V.Str)),
        ("Name", PropertySpec.Optional(V.Str)),
        ("Description", PropertySpec.Optional(V.Str)),
        ("DeadLetterConfig", PropertySpec.Optional(V.Dict)),
        ("RetryPolicy", PropertySpec.Optional(V.Dict)));

    public override string Type => "Schedule";

    protected override PropertyTable PropertyTypes => Table;

    public override IList<CfnResource> ToCloudFormation(EventContext ectx)
    {
        var function = ectx.Function;
        var attributes = function.PassthroughAttributes();
        var rule = EventRules.ScheduleRule(this, attributes);
        var resources = new List<CfnResource> { rule };
        var deadLetterArn = EventBridgeDeadLetters.ForRule(this, rule.GetAtt("Arn"), attributes, resources);
        rule["Targets"] = N.Seq(Target(function, deadLetterArn));
        resources.Add(RulePermission(function, rule));
        return resources;
    }
}
