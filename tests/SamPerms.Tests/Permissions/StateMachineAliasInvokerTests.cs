using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Sam.Core;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Permissions;

/// <summary>With AutoPublishAlias and UseAliasAsEventTarget, SAM's event roles start the state machine's alias: they still invoke the state machine.</summary>
public sealed class StateMachineAliasInvokerTests
{
    [Fact]
    public void Roles_that_start_the_alias_are_invokers_of_the_state_machine()
    {
        var outcome = Transform.Run("""
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }
                  Policies: []
                  AutoPublishAlias: live
                  UseAliasAsEventTarget: true
                  Events:
                    Nightly:
                      Type: Schedule
                      Properties: { Schedule: rate(1 day) }
            """);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        var flow = PermissionMapBuilder.Build(outcome, new TransformOptions()).Subjects.Single(s => s.LogicalId == "Flow");
        var invoker = Assert.Single(flow.InvokedBy);
        Assert.Equal(("events.amazonaws.com", "states:StartExecution", InvokerKind.Role), (invoker.Principal, invoker.Action, invoker.Kind));
        Assert.Equal("FlowNightlyRole", invoker.ResourceId);
    }
}
