using SamPerms.Tests.Support;
using SamPerms.Model;

namespace SamPerms.Tests.Events;

public sealed class RuleEventTests
{
    [Fact]
    public void Schedule_rule_targets_the_function_and_the_permission_is_scoped_to_the_rule()
    {
        var yaml = Transform.FunctionHeader + """

                  Events:
                    Nightly:
                      Type: Schedule
                      Properties:
                        Schedule: cron(0 3 * * ? *)
                        Input: '{"full": true}'
                        Enabled: false
            """;
        var resources = Transform.Resources(yaml);
        var rule = resources.Resource("FnNightly").Props();
        Assert.Equal("cron(0 3 * * ? *)", rule.Get("ScheduleExpression")!.Str);
        Assert.Equal("DISABLED", rule.Get("State")!.Str);
        var target = (MapNode)Assert.Single(((SeqNode)rule.Get("Targets")!).Items);
        Transform.Equal(N.GetAtt("Fn", "Arn"), target.Get("Arn"));
        Assert.Equal("FnNightlyLambdaTarget", target.Get("Id")!.Str);
        Assert.Equal("{\"full\": true}", target.Get("Input")!.Str);

        var permission = resources.Resource("FnNightlyPermission").Props();
        Assert.Equal("events.amazonaws.com", permission.Get("Principal")!.Str);
        Transform.Equal(N.GetAtt("FnNightly", "Arn"), permission.Get("SourceArn"));
    }

    [Fact]
    public void Long_target_ids_are_cut_to_64_characters_keeping_the_suffix()
    {
        var longId = new string('A', 70);
        var yaml = Transform.FunctionHeader + $"""

                  Events:
                    {longId}:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 hour)
            """;
        var rule = Transform.Resources(yaml).Resource("Fn" + longId).Props();
        var id = ((MapNode)((SeqNode)rule.Get("Targets")!)[0]).Get("Id")!.Str!;
        Assert.Equal(64, id.Length);
        Assert.EndsWith("LambdaTarget", id, StringComparison.Ordinal);
    }

    [Fact]
    public void EventBridgeRule_dead_letter_queue_is_created_with_a_policy_for_the_rule()
    {
        var yaml = Transform.FunctionHeader + """

                  Events:
                    Terminated:
                      Type: EventBridgeRule
                      Properties:
                        Pattern:
                          detail:
                            state: [terminated]
                        DeadLetterConfig:
                          Type: SQS
                          QueueLogicalId: TerminatedDlq
                        RetryPolicy:
                          MaximumRetryAttempts: 2
            """;
        var resources = Transform.Resources(yaml);
        Assert.Equal("AWS::SQS::Queue", resources.Resource("TerminatedDlq").Get("Type")!.Str);

        var rule = resources.Resource("FnTerminated").Props();
        var target = (MapNode)((SeqNode)rule.Get("Targets")!)[0];
        Transform.Equal(N.Map(("Arn", N.GetAtt("TerminatedDlq", "Arn"))), target.Get("DeadLetterConfig"));
        Transform.Equal(N.Map(("MaximumRetryAttempts", 2)), target.Get("RetryPolicy"));

        var policy = resources.Resource("FnTerminatedQueuePolicy").Props();
        Transform.Equal(N.Seq(N.Ref("TerminatedDlq")), policy.Get("Queues"));
        var statement = (MapNode)((SeqNode)((MapNode)policy.Get("PolicyDocument")!).Get("Statement")!)[0];
        Transform.Equal(N.Map(("Service", "events.amazonaws.com")), statement.Get("Principal"));
        Transform.Equal(N.GetAtt("TerminatedDlq", "Arn"), statement.Get("Resource"));
        Transform.Equal(N.Map(("ArnEquals", N.Map(("aws:SourceArn", N.GetAtt("FnTerminated", "Arn"))))), statement.Get("Condition"));
    }

    [Fact]
    public void Dead_letter_config_needs_exactly_one_of_Arn_and_Type()
    {
        var yaml = Transform.FunctionHeader + """

                  Events:
                    Terminated:
                      Type: CloudWatchEvent
                      Properties:
                        Pattern: {source: [aws.ec2]}
                        DeadLetterConfig:
                          Arn: arn:aws:sqs:us-east-1:123456789012:dlq
                          Type: SQS
            """;
        var outcome = Transform.Run(yaml);
        Assert.False(outcome.Succeeded);
        Assert.Contains("Resource with id [Fn] is invalid. Event with id [FnTerminated] is invalid. You can either define 'Arn' or 'Type' property of DeadLetterConfig.", outcome.ErrorMessage);
    }

    [Fact]
    public void ScheduleV2_gets_an_execution_role_that_may_invoke_the_function()
    {
        var yaml = Transform.FunctionHeader + """

                  Events:
                    Hourly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: rate(1 hour)
            """;
        var resources = Transform.Resources(yaml);
        var schedule = resources.Resource("FnHourly").Props();
        Assert.Equal("FnHourly", schedule.Get("Name")!.Str);
        Transform.Equal(N.Map(("Mode", "OFF")), schedule.Get("FlexibleTimeWindow"));
        Transform.Equal(N.GetAtt("FnHourlyRole", "Arn"), ((MapNode)schedule.Get("Target")!).Get("RoleArn"));

        var role = resources.Resource("FnHourlyRole").Props();
        var policy = (MapNode)((SeqNode)role.Get("Policies")!)[0];
        Assert.Equal("FnHourlyLambdaPolicy", policy.Get("PolicyName")!.Str);
        Assert.Null(resources.Get("FnHourlyPermission"));
    }
}
