using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Push;

/// <summary>CloudWatchLogs: a subscription filter on the log group that delivers matching events to the function.</summary>
public sealed class CloudWatchLogsEvent : PushEventSource
{
    private static readonly PropertyTable Table = new(
        ("LogGroupName", PropertySpec.Mandatory(V.Str)),
        ("FilterPattern", PropertySpec.Mandatory(V.Str)));

    public override string Type => "CloudWatchLogs";

    protected override string Principal => "logs.amazonaws.com";

    protected override PropertyTable PropertyTypes => Table;

    public override IList<CfnResource> ToCloudFormation(EventContext ectx)
    {
        var function = ectx.Function;
        var logGroup = Prop("LogGroupName")!;
        var sourceArn = N.Sub(
            $"arn:{ectx.Transform.Partition}:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:${{__LogGroupName__}}:*",
            N.Map(("__LogGroupName__", logGroup)));
        var permission = ConstructPermission(function, sourceArn: sourceArn);

        // Logs checks that it may invoke the function when the filter is created, so the filter waits for the permission.
        var filter = new CfnResource(LogicalId, "AWS::Logs::SubscriptionFilter").WithAttributes(function.PassthroughAttributes());
        filter.DependsOn = N.Seq(permission.LogicalId);
        filter["LogGroupName"] = logGroup;
        filter["FilterPattern"] = Prop("FilterPattern");
        filter["DestinationArn"] = function.Arn();
        return [permission, filter];
    }
}
