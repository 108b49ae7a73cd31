using SamPerms.Model;
using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.StateMachine;

public sealed class StateMachineEventTests
{
    private const string WithSchedule = """
        Resources:
          Flow:
            Type: AWS::Serverless::StateMachine
            Condition: Enabled
            Properties:
              DefinitionUri: s3://bucket/flow.asl.json
              PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
              Events:
                Nightly:
                  Type: Schedule
                  Properties:
                    Schedule: cron(0 2 * * ? *)
                    Enabled: false
                    Input: '{"full": true}'
        Conditions:
          Enabled: !Equals [a, a]
        """;

    [Fact]
    public void Schedule_creates_a_rule_targeting_the_state_machine_through_an_events_role()
    {
        var outcome = Run(WithSchedule);

        var rule = Resource(outcome, "FlowNightly");
        Assert.Equal("AWS::Events::Rule", rule.Get("Type")!.Str);
        Assert.Equal("Enabled", rule.Get("Condition")!.Str);
        var ruleProps = (MapNode)rule.Get("Properties")!;
        Assert.Equal("DISABLED", ruleProps.Get("State")!.Str);
        Assert.Equal(
            """[{"Arn":{"Ref":"Flow"},"Id":"FlowNightlyStepFunctionsTarget","RoleArn":{"Fn::GetAtt":["FlowNightlyRole","Arn"]},"Input":"{\"full\": true}"}]""",
            JsonOf(ruleProps.Get("Targets")));

        var role = Resource(outcome, "FlowNightlyRole");
        Assert.Equal("Enabled", role.Get("Condition")!.Str);
        var roleProps = (MapNode)role.Get("Properties")!;
        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"Service":["events.amazonaws.com"]}}]}""",
            JsonOf(roleProps.Get("AssumeRolePolicyDocument")));
        Assert.Equal(
            """[{"PolicyName":"FlowNightlyRoleStartExecutionPolicy","PolicyDocument":{"Statement":[{"Action":"states:StartExecution","Effect":"Allow","Resource":{"Ref":"Flow"}}]}}]""",
            JsonOf(roleProps.Get("Policies")));
        // The state machine's permissions boundary applies to the roles its events create.
        Assert.Equal("arn:aws:iam::123456789012:policy/boundary", roleProps.Get("PermissionsBoundary")!.Str);
        Assert.False(roleProps.ContainsKey("ManagedPolicyArns"));
    }

    [Fact]
    public void ScheduleV2_role_is_trusted_by_scheduler_and_may_send_to_its_dead_letter_queue()
    {
        var outcome = Run("""
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: s3://bucket/flow.asl.json
                  Role: arn:aws:iam::123456789012:role/existing
                  AutoPublishAlias: live
                  UseAliasAsEventTarget: true
                  Events:
                    Hourly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: rate(1 hour)
                        DeadLetterConfig:
                          Type: SQS
            """);

        var policies = JsonOf(Properties(outcome, "FlowHourlyRole").Get("Policies"));
        Assert.Contains("""{"Action":"states:StartExecution","Effect":"Allow","Resource":{"Ref":"FlowAliaslive"}}""", policies, StringComparison.Ordinal);
        Assert.Contains("""{"Action":"sqs:SendMessage","Effect":"Allow","Resource":{"Fn::GetAtt":["FlowHourlyQueue","Arn"]}}""", policies, StringComparison.Ordinal);
        Assert.Equal("AWS::SQS::Queue", Resource(outcome, "FlowHourlyQueue").Get("Type")!.Str);
        Assert.Equal("""{"Mode":"OFF"}""", JsonOf(Properties(outcome, "FlowHourly").Get("FlexibleTimeWindow")));
        Assert.Equal(
            """{"Type":"ALL_AT_ONCE","StateMachineVersionArn":{"Ref":"FlowVersion"}}""",
            JsonOf(Properties(outcome, "FlowAliaslive").Get("DeploymentPreference")));
    }
}
