using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.StateMachine;

public sealed class StateMachineErrorTests
{
    [Fact]
    public void Role_and_policies_together_are_refused()
    {
        var outcome = Run("""
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: s3://bucket/flow.asl.json
                  Role: arn:aws:iam::123456789012:role/existing
                  Policies: [AWSLambdaRole]
            """);

        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Flow] is invalid. "
            + "Specify either 'Role' or 'Policies' (but not both at the same time) or neither of them",
            outcome.ErrorMessage);
    }

    [Fact]
    public void Dead_letter_config_errors_name_the_event_and_are_not_wrapped_in_the_state_machine()
    {
        var outcome = Run("""
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: s3://bucket/flow.asl.json
                  Events:
                    Changes:
                      Type: EventBridgeRule
                      Properties:
                        Pattern: {source: [aws.s3]}
                        DeadLetterConfig:
                          Type: SNS
            """);

        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 1. Event with id [FlowChanges] is invalid. "
            + "The only valid value for 'Type' property of DeadLetterConfig is 'SQS'.",
            outcome.ErrorMessage);
        Assert.Equal(12, outcome.Diagnostics[0].Span.Line);
    }

    [Fact]
    public void Missing_definition_is_refused()
    {
        var outcome = Run("""
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Type: EXPRESS
            """);

        Assert.EndsWith("Resource with id [Flow] is invalid. Either 'Definition' or 'DefinitionUri' property must be specified.", outcome.ErrorMessage, StringComparison.Ordinal);
    }
}
