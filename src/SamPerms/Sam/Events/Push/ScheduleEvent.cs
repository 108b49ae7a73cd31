using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Events;

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
        var rule = NewRule(function);
        var resources = new List<CfnResource> { rule };
        rule["ScheduleExpression"] = Prop("Schedule");
        rule["State"] = RuleState();

        // The rule is named by Name; RuleName is accepted but unused, as in the reference.
        rule["Name"] = Prop("Name");
        rule["Description"] = Prop("Description");

        var deadLetterArn = DeadLetterQueue(rule, function, resources);
        var target = Target(function, DefaultTargetId());
        if (Prop("Input") is { } input)
        {
            target.Set("Input", input);
        }

        AddDeliveryOptions(target, deadLetterArn);
        rule["Targets"] = N.Seq(target);
        resources.Add(ConstructPermission(function, sourceArn: rule.GetAtt("Arn")));
        return resources;
    }
}
