using SamPerms.Iam;
using SamPerms.Permissions;
using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Permissions;

/// <summary>
/// Roles that may start state machines are compared with a state machine only when one of their Allows may reach
/// it: an exact pattern naming other resources never does (SymbolicPattern.ResourcesOfExact), a wildcard or a
/// pattern of no resource always may. Each state machine behind its own API keeps exactly its own API role, with the
/// API's routes, and a role allowed on every state machine invokes them all.
/// </summary>
public sealed class RoleInvokerIndexTests
{
    private static string Template(int machines)
    {
        var yaml = new System.Text.StringBuilder("Resources:\n");
        for (int i = 0; i < machines; i++)
        {
            yaml.Append($$"""
                  Sm{{i}}:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }
                      Policies: []
                      Events:
                        Api:
                          Type: Api
                          Properties: { Path: /sm{{i}}, Method: post }

                """);
        }

        yaml.Append("""
              Starter:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement: [{ Effect: Allow, Principal: { Service: events.amazonaws.com }, Action: sts:AssumeRole }]
                  Policies:
                    - PolicyName: all
                      PolicyDocument:
                        Statement: [{ Effect: Allow, Action: states:StartExecution, Resource: !Sub "arn:${AWS::Partition}:states:*:*:stateMachine:*" }]
              OneByName:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement: [{ Effect: Allow, Principal: { Service: scheduler.amazonaws.com }, Action: sts:AssumeRole }]
                  Policies:
                    - PolicyName: one
                      PolicyDocument:
                        Statement: [{ Effect: Allow, Action: states:StartExecution, Resource: !GetAtt Sm3.Arn }]
            """);
        return yaml.ToString();
    }

    [Fact]
    public void Each_state_machine_keeps_its_own_api_role_and_the_roles_that_reach_it()
    {
        var outcome = Transform.Run(Template(12));
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        var map = PermissionMapBuilder.Build(outcome, new TransformOptions());
        for (int i = 0; i < 12; i++)
        {
            var subject = map.Subjects.Single(s => s.LogicalId == $"Sm{i}");
            var roles = subject.InvokedBy.Where(v => v.Kind == InvokerKind.Role).Select(v => v.ResourceId).Order(StringComparer.Ordinal).ToList();
            var expected = new List<string> { $"Sm{i}ApiRole", "Starter" };
            if (i == 3)
            {
                expected.Add("OneByName");
            }

            Assert.Equal(expected.Order(StringComparer.Ordinal), roles);
            var api = subject.InvokedBy.Single(v => v.ResourceId == $"Sm{i}ApiRole");
            var route = Assert.Single(api.ApiRoutes!);
            Assert.Equal(("POST", $"/sm{i}"), (route.Method, route.Path));
        }
    }

    private static readonly string[] Pieces =
    [
        "arn:", "${AWS::Partition}", ":states:", "${AWS::Region}", ":", "${AWS::AccountId}", ":stateMachine:",
        "${Sm1}", "${Sm2.Name}", "${Sm1.Name|generated-name}", "${Fn|generated-name}", "Sm1", "x", "*", "?", "${Param}",
    ];

    [Fact]
    public void Exact_patterns_naming_no_resource_in_common_neither_cover_nor_meet()
    {
        var random = new Random(11);
        int disjoint = 0;
        for (int n = 0; n < 20000; n++)
        {
            var pattern = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var request = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            if (SymbolicPattern.ResourcesOfExact(pattern) is not { } p || SymbolicPattern.ResourcesOfExact(request) is not { } r || p.Overlaps(r))
            {
                continue;
            }

            disjoint++;
            var encoded = ArnWildcards.Encode(pattern);
            foreach (var asked in new[] { request, request + ":" + ArnWildcards.SegmentStar })
            {
                Assert.True(SymbolicPattern.Intersects(encoded, asked, ignoreCase: false) == Certainty.No, $"{pattern} meets {asked}");
                Assert.True(SymbolicPattern.Covers(encoded, asked, ignoreCase: false) == Certainty.No, $"{pattern} covers {asked}");
            }
        }

        Assert.True(disjoint > 500, $"only {disjoint} disjoint pairs generated");
    }

    [Theory]
    [InlineData("arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${Sm1.Name}", "Sm1")]
    [InlineData("${Sm1}", "Sm1")]
    [InlineData("arn:aws:lambda:us-east-1:1:function:${Fn|generated-name}", "Fn")]
    [InlineData("arn:aws:states:*:*:stateMachine:${Sm1.Name}", null)] // a wildcard
    [InlineData("arn:aws:states:us-east-1:1:stateMachine:Sm1", null)] // no symbol of a resource
    [InlineData("arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:x", null)]
    public void An_exact_pattern_names_the_resources_of_its_symbols(string pattern, string? resource)
    {
        var named = SymbolicPattern.ResourcesOfExact(pattern);
        Assert.Equal(resource, named is null ? null : Assert.Single(named));
    }
}
