using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Events;

/// <summary>
/// CloudWatchEvent (and its newer name EventBridgeRule): an EventBridge rule matching an event pattern, on the
/// default or a named bus, that invokes the function.
/// </summary>
public class CloudWatchEventSource : EventsRuleSource
{
    private static readonly PropertyTable Table = new(
        ("EventBusName", PropertySpec.Optional(V.Str)),
        ("RuleName", PropertySpec.Optional(V.Str)),
        ("Pattern", PropertySpec.Optional(V.Dict)),
        ("DeadLetterConfig", PropertySpec.Optional(V.Dict)),
        ("RetryPolicy", PropertySpec.Optional(V.Dict)),
        ("Input", PropertySpec.Optional(V.Str)),
        ("InputPath", PropertySpec.Optional(V.Str)),
        ("Target", PropertySpec.Optional(V.Dict)),
        ("Enabled", PropertySpec.Optional(V.Bool)),
        ("State", PropertySpec.Optional(V.Str)),
        ("InputTransformer", PropertySpec.Optional(V.Dict)));

    public override string Type => "CloudWatchEvent";

    protected override PropertyTable PropertyTypes => Table;

    public override IList<CfnResource> ToCloudFormation(EventContext ectx)
    {
        var function = ectx.Function;
        var rule = NewRule(function);
        var resources = new List<CfnResource>();
        rule["EventBusName"] = Prop("EventBusName");
        rule["EventPattern"] = Prop("Pattern");
        rule["Name"] = Prop("RuleName");

        var deadLetterArn = DeadLetterQueue(rule, function, resources);
        rule["State"] = RuleState();

        var targetId = Prop("Target") is MapNode given && given.TryGet("Id", out var id) ? id : DefaultTargetId();
        var target = Target(function, targetId);
        if (Prop("Input") is { } input)
        {
            target.Set("Input", input);
        }

        if (Prop("InputPath") is { } inputPath)
        {
            target.Set("InputPath", inputPath);
        }

        AddDeliveryOptions(target, deadLetterArn);
        if (Prop("InputTransformer") is { } transformer)
        {
            target.Set("InputTransformer", transformer);
        }

        rule["Targets"] = N.Seq(target);
        resources.Add(rule);
        resources.Add(ConstructPermission(function, sourceArn: rule.GetAtt("Arn")));
        return resources;
    }
}
