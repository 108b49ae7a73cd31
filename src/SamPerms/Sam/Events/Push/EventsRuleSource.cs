using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Push;

/// <summary>
/// What Schedule, CloudWatchEvent and EventBridgeRule of a function share: the rule (built as for a state
/// machine, see <see cref="EventRules"/>) invokes the function directly, so EventBridge needs a permission scoped
/// to the rule's ARN.
/// </summary>
public abstract class EventsRuleSource : PushEventSource
{
    protected override string Principal => "events.amazonaws.com";

    /// <summary>The rule's one target: the function, with the id given, else &lt;event&gt;LambdaTarget (cut to 64 characters).</summary>
    protected MapNode Target(FunctionTarget function, Node? deadLetterArn) =>
        EventRules.Target(this, function.Arn(), EventRules.TargetId(this, EventRules.LambdaTargetSuffix), roleArn: null, deadLetterArn);

    /// <summary>The permission for EventBridge to invoke the function from this rule.</summary>
    protected CfnResource RulePermission(FunctionTarget function, CfnResource rule) =>
        ConstructPermission(function, sourceArn: rule.GetAtt("Arn"));
}
