using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Push;

/// <summary>IoTRule: an IoT topic rule whose action invokes the function.</summary>
public sealed class IoTRuleEvent : PushEventSource
{
    private static readonly PropertyTable Table = new(
        ("Sql", PropertySpec.Mandatory(V.Str)),
        ("AwsIotSqlVersion", PropertySpec.Optional(V.Str)));

    public override string Type => "IoTRule";

    protected override string Principal => "iot.amazonaws.com";

    protected override PropertyTable PropertyTypes => Table;

    public override IList<CfnResource> ToCloudFormation(EventContext ectx)
    {
        var function = ectx.Function;
        var sourceArn = N.Sub(
            $"arn:{ectx.Transform.Partition}:iot:${{AWS::Region}}:${{AWS::AccountId}}:rule/${{RuleName}}",
            N.Map(("RuleName", N.Ref(LogicalId))));
        var permission = ConstructPermission(function, sourceArn: sourceArn, sourceAccount: N.Sub("${AWS::AccountId}"));

        var payload = N.Map(
            ("Sql", Prop("Sql")),
            ("RuleDisabled", false),
            ("Actions", N.Seq(N.Map(("Lambda", N.Map(("FunctionArn", function.Arn())))))));
        if (Py.Truthy(Prop("AwsIotSqlVersion")))
        {
            payload.Set("AwsIotSqlVersion", Prop("AwsIotSqlVersion")!);
        }

        var rule = new CfnResource(LogicalId, "AWS::IoT::TopicRule").WithAttributes(function.PassthroughAttributes());
        rule["TopicRulePayload"] = payload;
        return [permission, rule];
    }
}
