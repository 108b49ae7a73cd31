using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Push;

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
        var attributes = function.PassthroughAttributes();
        var rule = EventRules.PatternRule(this, attributes);
        var resources = new List<CfnResource>();

        // Unlike Schedule, the reference checks the dead-letter queue before State and Enabled, and lists the
        // queue before the rule.
        var deadLetterArn = EventBridgeDeadLetters.ForRule(this, rule.GetAtt("Arn"), attributes, resources);
        rule["State"] = EventRules.State(this);
        rule["Targets"] = N.Seq(Target(function, deadLetterArn));
        resources.Add(rule);
        resources.Add(RulePermission(function, rule));
        return resources;
    }
}
