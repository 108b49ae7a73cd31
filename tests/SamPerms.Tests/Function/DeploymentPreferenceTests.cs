using SamPerms.Tests.Support;
using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.Function;

/// <summary>DeploymentPreference: the CodeDeploy resources every function shares, its deployment group, the alias UpdatePolicy.</summary>
public sealed class DeploymentPreferenceTests
{
    /// <summary>A function with an alias; <paramref name="extra"/> holds more properties, one per line, unindented.</summary>
    private static string Function(string name, string extra = "", string? condition = null)
    {
        var lines = new List<string> { $"  {name}:", "    Type: AWS::Serverless::Function" };
        if (condition is not null)
        {
            lines.Add($"    Condition: {condition}");
        }

        lines.AddRange(["    Properties:", "      InlineCode: x", "      Handler: index.handler", "      Runtime: python3.12", "      AutoPublishAlias: live"]);
        lines.AddRange(extra.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "      " + l));
        return string.Join("\n", lines) + "\n";
    }

    [Fact]
    public void Enabled_preference_adds_application_service_role_group_and_alias_update_policy()
    {
        var resources = Resources("Resources:\n"
            + Function("Hook")
            + Function("Api", """
                DeploymentPreference:
                  Type: Canary10Percent5Minutes
                  Alarms: [!Ref Alarm]
                  Hooks:
                    PreTraffic: !Ref Hook
                """)
            + "  Alarm:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Threshold: 1\n");

        var app = resources.Resource("ServerlessDeploymentApplication");
        Assert.Equal("AWS::CodeDeploy::Application", app.Get("Type")!.Str);
        Assert.Equal("Lambda", app.Props().Get("ComputePlatform")!.Str);

        var role = resources.Resource("CodeDeployServiceRole");
        Assert.Equal("""["arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda"]""", JsonOf(role.Props().Get("ManagedPolicyArns")));

        var group = resources.Resource("ApiDeploymentGroup").Props();
        Assert.Equal("""{"Fn::Sub":["CodeDeployDefault.Lambda${ConfigName}",{"ConfigName":"Canary10Percent5Minutes"}]}""", JsonOf(group.Get("DeploymentConfigName")));
        Assert.Equal("""{"Enabled":true,"Alarms":[{"Name":{"Ref":"Alarm"}}]}""", JsonOf(group.Get("AlarmConfiguration")));
        Assert.Equal("""{"Fn::GetAtt":["CodeDeployServiceRole","Arn"]}""", JsonOf(group.Get("ServiceRoleArn")));
        Assert.Equal("""{"Ref":"ServerlessDeploymentApplication"}""", JsonOf(group.Get("ApplicationName")));

        var alias = resources.Resource("ApiAliaslive");
        Assert.Equal(
            """{"CodeDeployLambdaAliasUpdate":{"ApplicationName":{"Ref":"ServerlessDeploymentApplication"},"DeploymentGroupName":{"Ref":"ApiDeploymentGroup"},"BeforeAllowTrafficHook":{"Ref":"Hook"}}}""",
            JsonOf(alias.Get("UpdatePolicy")));
        Assert.Null(resources.Resource("HookAliaslive").Get("UpdatePolicy"));
    }

    [Fact]
    public void Every_preference_with_its_own_role_skips_the_service_role()
    {
        var resources = Resources("Resources:\n" + Function("Fn", """
            DeploymentPreference:
              Type: MyCustomConfig
              Role: arn:aws:iam::123456789012:role/deployer
            """));

        Assert.False(resources.ContainsKey("CodeDeployServiceRole"));
        var group = resources.Resource("FnDeploymentGroup").Props();
        Assert.Equal("arn:aws:iam::123456789012:role/deployer", group.Get("ServiceRoleArn")!.Str);
        Assert.Equal("MyCustomConfig", group.Get("DeploymentConfigName")!.Str);
    }

    [Fact]
    public void Disabled_preference_from_a_parameter_creates_nothing_and_needs_no_alias()
    {
        var resources = Resources("""
            Parameters:
              Deploy:
                Type: String
                Default: "false"
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.handler
                  Runtime: python3.12
                  DeploymentPreference:
                    Enabled: !Ref Deploy
            """);

        Assert.False(resources.ContainsKey("ServerlessDeploymentApplication"));
        Assert.False(resources.ContainsKey("FnDeploymentGroup"));
    }

    [Fact]
    public void Passthrough_conditions_make_the_shared_resources_conditional_on_an_aggregate_condition()
    {
        var outcome = Run("""
            Conditions:
              A: !Equals [a, a]
              B: !Equals [a, b]
            Mappings:
              Flags:
                pass:
                  value: true
            Resources:

            """
            + Function("Fa", "DeploymentPreference:\n  Type: AllAtOnce\n  PassthroughCondition: !FindInMap [Flags, pass, value]", condition: "A")
            + Function("Fb", "DeploymentPreference:\n  Type: AllAtOnce\n  PassthroughCondition: \"true\"", condition: "B"));
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        var template = outcome.Template!;
        var resources = (SamPerms.Model.MapNode)template.Get("Resources")!;

        Assert.Equal("ServerlessCodeDeployCondition", resources.Resource("ServerlessDeploymentApplication").Get("Condition")!.Str);
        Assert.Equal("ServerlessCodeDeployCondition", resources.Resource("CodeDeployServiceRole").Get("Condition")!.Str);
        Assert.Equal("A", resources.Resource("FaDeploymentGroup").Get("Condition")!.Str);
        Assert.Equal("B", resources.Resource("FbDeploymentGroup").Get("Condition")!.Str);
        var aggregate = ((SamPerms.Model.MapNode)template.Get("Conditions")!).Get("ServerlessCodeDeployCondition");
        Assert.True(CanonicalJson.Equal(aggregate, SamPerms.Yaml.TemplateReader.ReadText("""{"Fn::Or": [{"Condition": "A"}, {"Condition": "B"}]}""").Root));
    }

    [Fact]
    public void Tags_propagate_to_the_codedeploy_resources()
    {
        var resources = Resources("Resources:\n" + Function("Fn", """
            Tags:
              Team: payments
            PropagateTags: true
            DeploymentPreference:
              Type: Linear10PercentEvery1Minute
            """));

        const string tags = """[{"Key":"Team","Value":"payments"}]""";
        Assert.Equal(tags, JsonOf(resources.Resource("ServerlessDeploymentApplication").Props().Get("Tags")));
        Assert.Equal(tags, JsonOf(resources.Resource("FnDeploymentGroup").Props().Get("Tags")));
        Assert.Equal(tags, JsonOf(resources.Resource("CodeDeployServiceRole").Props().Get("Tags")));
    }

    [Fact]
    public void Alarms_behind_fn_if_are_converted_branch_by_branch()
    {
        var resources = Resources("Conditions:\n  Prod: !Equals [a, a]\nResources:\n" + Function("Fn", """
            DeploymentPreference:
              Type: AllAtOnce
              Alarms: !If [Prod, [A1, A2], []]
            """));

        Assert.Equal(
            """{"Fn::If":["Prod",{"Enabled":true,"Alarms":[{"Name":"A1"},{"Name":"A2"}]},{}]}""",
            JsonOf(resources.Resource("FnDeploymentGroup").Props().Get("AlarmConfiguration")));
    }

    [Theory]
    [InlineData("Type: AllAtOnce\nAlarms: {A: b}", "Alarms must be a list")]
    [InlineData("Type: AllAtOnce\nHooks: [x]", "'Hooks' property of 'DeploymentPreference' must be a dictionary")]
    [InlineData("Enabled: true", "'DeploymentPreference' is missing required Property 'Type'")]
    [InlineData("Type: AllAtOnce\nPassthroughCondition: maybe", "Invalid value for property PassthroughCondition.")]
    [InlineData("Type: AllAtOnce\nPassthroughCondition: !GetAtt X.Y", "Unsupported intrinsic: the only intrinsic functions supported for property PassthroughCondition are FindInMap and parameter Refs.")]
    public void Invalid_preferences_give_the_reference_message(string preference, string message)
    {
        var error = Error("Resources:\n" + Function("Fn", "DeploymentPreference:\n  " + preference.Replace("\n", "\n  ", StringComparison.Ordinal)));

        Assert.Equal($"Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. {message}", error);
    }

    [Fact]
    public void Enabled_preference_without_auto_publish_alias_is_refused()
    {
        var error = Error("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.handler
                  Runtime: python3.12
                  DeploymentPreference:
                    Type: AllAtOnce
            """);

        Assert.EndsWith("Resource with id [Fn] is invalid. 'DeploymentPreference' requires AutoPublishAlias property to be specified.", error);
    }
}
