using SamPerms.Iam;
using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Sam.Core;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Permissions;

/// <summary>
/// SAM's CodeDeploy role may invoke functions named CodeDeployHook_*: a hook named so is invoked through it, a function
/// whose name CloudFormation generates ("stack-Fn-1A2B3C", letters, digits and hyphens) never is.
/// </summary>
public sealed class GeneratedNameInvokerTests
{
    [Fact]
    public void The_CodeDeploy_role_invokes_the_named_hook_only()
    {
        var outcome = Transform.Run("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://b/k.zip
                  Handler: a.b
                  Runtime: python3.12
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Linear10PercentEvery1Minute
                    Hooks: { PreTraffic: !Ref PreHook }
              PreHook:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://b/k.zip
                  Handler: a.b
                  Runtime: python3.12
                  FunctionName: CodeDeployHook_pre
              Unnamed:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: s3://b/k.zip, Handler: a.b, Runtime: python3.12 }
            """);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        var subjects = PermissionMapBuilder.Build(outcome, new TransformOptions()).Subjects.ToDictionary(s => s.LogicalId);
        Assert.DoesNotContain(subjects["Fn"].InvokedBy, i => i.Principal == "codedeploy.amazonaws.com");
        Assert.DoesNotContain(subjects["Unnamed"].InvokedBy, i => i.Principal == "codedeploy.amazonaws.com");
        var hook = Assert.Single(subjects["PreHook"].InvokedBy, i => i.Principal == "codedeploy.amazonaws.com");
        Assert.Equal(("lambda:InvokeFunction", InvokerKind.Role, "CodeDeployServiceRole"), (hook.Action, hook.Kind, hook.ResourceId));
    }

    [Theory]
    [InlineData("arn:aws:lambda:*:*:function:CodeDeployHook_*", Certainty.No)]
    [InlineData("arn:aws:lambda:*:*:function:*", Certainty.Yes)]
    [InlineData("arn:aws:lambda:*:*:function:mystack-*", Certainty.Maybe)]
    [InlineData("arn:aws:lambda:*:*:function:plainname", Certainty.No)] // no hyphen: no name CloudFormation makes
    [InlineData("arn:aws:lambda:*:*:function:a/b-c", Certainty.No)]
    public void A_generated_name_holds_letters_digits_and_a_hyphen(string pattern, Certainty expected)
    {
        var request = "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:" + SymbolicPattern.GeneratedName("Fn");
        Assert.Equal(expected, SymbolicPattern.Covers(ArnWildcards.Encode(pattern), request, ignoreCase: false));
    }
}
