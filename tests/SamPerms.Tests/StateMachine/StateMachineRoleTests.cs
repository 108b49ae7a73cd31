using SamPerms.Model;
using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.StateMachine;

public sealed class StateMachineRoleTests
{
    private const string WithPolicyTemplate = """
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: python3.12
              CodeUri: s3://bucket/code.zip
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
              Definition:
                StartAt: Call
                States:
                  Call:
                    Type: Task
                    Resource: !GetAtt Worker.Arn
                    End: true
              Policies:
                - LambdaInvokePolicy:
                    FunctionName: !Ref Worker
              Tracing:
                Enabled: true
        """;

    [Fact]
    public void Policy_template_becomes_an_inline_policy_of_a_role_trusted_by_step_functions()
    {
        var outcome = Run(WithPolicyTemplate);
        var role = Properties(outcome, "FlowRole");

        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"Service":["states.amazonaws.com"]}}]}""",
            JsonOf(role.Get("AssumeRolePolicyDocument")));
        var policy = Assert.IsType<MapNode>(Assert.Single((SeqNode)role.Get("Policies")!));
        Assert.Equal("FlowRolePolicy0", policy.Get("PolicyName")!.Str);
        var statement = (MapNode)((SeqNode)((MapNode)policy.Get("PolicyDocument")!).Get("Statement")!)[0];
        Assert.Equal("""["lambda:InvokeFunction"]""", JsonOf(statement.Get("Action")));
        Assert.Equal("""{"Fn::Sub":["arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${functionName}*",{"functionName":{"Ref":"Worker"}}]}""", JsonOf(statement.Get("Resource")));

        // Tracing adds X-Ray write access by name (the older policy name in the aws partition).
        Assert.Equal("""["arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"]""", JsonOf(role.Get("ManagedPolicyArns")));
        Assert.Equal("""[{"Key":"stateMachine:createdBy","Value":"SAM"}]""", JsonOf(role.Get("Tags")));

        var machine = Properties(outcome, "Flow");
        Assert.Equal("""{"Fn::GetAtt":["FlowRole","Arn"]}""", JsonOf(machine.Get("RoleArn")));
        // The intrinsic in the definition moves to DefinitionSubstitutions.
        Assert.Equal("""{"definition_substitution_1":{"Fn::GetAtt":["Worker","Arn"]}}""", JsonOf(machine.Get("DefinitionSubstitutions")));
        Assert.Contains("""            "Resource": "${definition_substitution_1}",""", JsonOf(machine.Get("DefinitionString")).Replace("\\\"", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_role_is_used_and_no_role_is_created()
    {
        var outcome = Run("""
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: s3://bucket/flow.asl.json?versionId=3
                  Role: arn:aws:iam::123456789012:role/existing
            """);

        var machine = Properties(outcome, "Flow");
        Assert.Equal("arn:aws:iam::123456789012:role/existing", machine.Get("RoleArn")!.Str);
        Assert.Equal("""{"Bucket":"bucket","Key":"flow.asl.json","Version":"3"}""", JsonOf(machine.Get("DefinitionS3Location")));
        Assert.False(((MapNode)outcome.Template!.Get("Resources")!).ContainsKey("FlowRole"));
    }
}
