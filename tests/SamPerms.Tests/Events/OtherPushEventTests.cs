using SamPerms.Tests.Support;
using SamPerms.Model;

namespace SamPerms.Tests.Events;

public sealed class OtherPushEventTests
{
    [Fact]
    public void Cognito_trigger_is_set_on_the_user_pool()
    {
        var yaml = Transform.FunctionHeader + """

                  Events:
                    SignUp:
                      Type: Cognito
                      Properties:
                        UserPool: !Ref Pool
                        Trigger: [PreSignUp, PostConfirmation]
              Pool:
                Type: AWS::Cognito::UserPool
                Properties:
                  UserPoolName: users
            """;
        var resources = Transform.Resources(yaml);
        var config = (MapNode)resources.Resource("Pool").Props().Get("LambdaConfig")!;
        Transform.Equal(N.GetAtt("Fn", "Arn"), config.Get("PreSignUp"));
        Transform.Equal(N.GetAtt("Fn", "Arn"), config.Get("PostConfirmation"));
        var permission = resources.Resource("FnCognitoPermission").Props();
        Transform.Equal(N.GetAtt("Pool", "Arn"), permission.Get("SourceArn"));
    }

    [Fact]
    public void IoT_rule_permission_is_scoped_to_the_rule_in_the_partition()
    {
        var yaml = Transform.FunctionHeader + """

                  Events:
                    Telemetry:
                      Type: IoTRule
                      Properties:
                        Sql: SELECT * FROM 'telemetry'
            """;
        var permission = Transform.Resources(yaml, region: "cn-north-1").Resource("FnTelemetryPermission").Props();
        Transform.Equal(
            N.Sub("arn:aws-cn:iot:${AWS::Region}:${AWS::AccountId}:rule/${RuleName}", N.Map(("RuleName", N.Ref("FnTelemetry")))),
            permission.Get("SourceArn"));
    }

    [Fact]
    public void Permission_ids_with_non_alphanumeric_suffixes_are_hashed()
    {
        Assert.Equal("FnEvPermissionProd", SamPerms.Sam.Events.Shared.EventPermissions.LogicalId("FnEv", "Prod"));
        Assert.Equal("FnEvPermission", SamPerms.Sam.Events.Shared.EventPermissions.LogicalId("FnEv"));

        // The first 10 hex digits of SHA-1("/path"), as SAM's LogicalIdGenerator computes them.
        Assert.Equal("FnEvPermission4f26609ad3", SamPerms.Sam.Events.Shared.EventPermissions.LogicalId("FnEv", "/path"));
    }
}
