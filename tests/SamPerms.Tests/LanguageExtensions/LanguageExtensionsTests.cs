using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Tests.Support;
using SamPerms.Tests.Validation;
using SamPerms.Validation;

namespace SamPerms.Tests.LanguageExtensions;

/// <summary>AWS::LanguageExtensions listed before the SAM transform: applied first, as CloudFormation does.</summary>
public sealed class LanguageExtensionsTests
{
    private const string Header = """
        Transform:
          - AWS::LanguageExtensions
          - AWS::Serverless-2016-10-31
        Parameters:
          Names:
            Type: CommaDelimitedList
            Default: orders,payments
          Stage:
            Type: String
            Default: prod
          Alias:
            Type: String
            Default: live
        Mappings:
          Sizes:
            prod: {Memory: 1024}

        """;

    private const string Services = Header + """
        Resources:
          Fn::ForEach::Services:
            - Service
            - !Ref Names
            - ${Service}Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: !Sub s3://bucket-${Stage}/${Service}.zip
                  AutoPublishAlias: !Ref Alias
                  MemorySize: !FindInMap [Sizes, !Ref Stage, Memory, {DefaultValue: 128}]
                  Timeout: !FindInMap [Sizes, dev, Timeout, {DefaultValue: 30}]
                  ReservedConcurrentExecutions: !Length [a, b, c]
                  Environment:
                    Variables:
                      CONFIG: !ToJsonString {service: !Ref Service, stage: prod}
              Fn::ForEach::Topics:
                - Kind
                - [created, deleted]
                - '&{Service}${Kind}Topic':
                    Type: AWS::SNS::Topic
                    DeletionPolicy: !If [IsProd, Retain, Delete]
                    Properties:
                      TopicName: !Sub '${Service}-${Kind}'
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
          Fn::ForEach::StageConditions:
            - S
            - [dev, test]
            - Is${S}: !Equals [!Ref Stage, !Ref S]
        Outputs:
          Fn::ForEach::Out:
            - Service
            - !Ref Names
            - ${Service}Arn:
                Value: !GetAtt [!Sub '${Service}Function', Arn]

        """;

    [Fact]
    public void ForEach_expands_resources_outputs_and_conditions_nested_with_both_identifier_forms()
    {
        var outcome = Transform.Run(Services);
        var resources = Transform.Resources(outcome);
        foreach (var id in new[] { "ordersFunction", "paymentsFunction", "orderscreatedTopic", "paymentsdeletedTopic", "ordersFunctionAliaslive" })
        {
            Assert.True(resources.ContainsKey(id), id + " missing: " + string.Join(", ", resources.Keys));
        }

        Assert.DoesNotContain(resources.Keys, k => k.StartsWith("Fn::ForEach", StringComparison.Ordinal));
        var outputs = (MapNode)outcome.Template!.Get("Outputs")!;
        Assert.Equal(["ordersArn", "paymentsArn"], outputs.Keys);
        Assert.Equal("{\"Fn::GetAtt\":[\"paymentsFunction\",\"Arn\"]}", ((MapNode)outputs.Get("paymentsArn")!).Get("Value")!.ToString());
        var conditions = (MapNode)outcome.Template!.Get("Conditions")!;
        Assert.Equal(["IsProd", "Isdev", "Istest"], conditions.Keys);
    }

    [Fact]
    public void Intrinsics_the_extension_resolves_reach_sam_as_values()
    {
        var fn = (MapNode)((MapNode)Transform.Resources(Services).Get("paymentsFunction")!).Get("Properties")!;
        Assert.Equal("{\"S3Bucket\":\"bucket-prod\",\"S3Key\":\"payments.zip\"}", fn.Get("Code")!.ToString());
        Assert.Equal("1024", fn.Get("MemorySize")!.ToString());
        Assert.Equal("30", fn.Get("Timeout")!.ToString());
        Assert.Equal("3", fn.Get("ReservedConcurrentExecutions")!.ToString());
        Assert.Equal("{\\\"service\\\":\\\"payments\\\",\\\"stage\\\":\\\"prod\\\"}", ((MapNode)((MapNode)fn.Get("Environment")!).Get("Variables")!).Get("CONFIG")!.ToString().Trim('"'));
        var topic = (MapNode)Transform.Resources(Services).Get("orderscreatedTopic")!;
        Assert.Equal("Retain", topic.Get("DeletionPolicy")!.Str);
        Assert.Equal("orders-created", ((MapNode)topic.Get("Properties")!).Get("TopicName")!.Str);
    }

    [Fact]
    public void Parameter_overrides_drive_the_collection_and_the_conditions()
    {
        var resources = Transform.Resources(Services, new Dictionary<string, string> { ["Names"] = "billing", ["Stage"] = "dev" });
        Assert.True(resources.ContainsKey("billingFunction"));
        Assert.False(resources.ContainsKey("ordersFunction"));
        Assert.Equal("Delete", ((MapNode)resources.Get("billingcreatedTopic")!).Get("DeletionPolicy")!.Str);
        var fn = (MapNode)((MapNode)resources.Get("billingFunction")!).Get("Properties")!;
        Assert.Equal("128", fn.Get("MemorySize")!.ToString());
    }

    [Fact]
    public void Validate_reports_nothing_on_a_template_that_deploys()
    {
        var all = Check.All(Services);
        Assert.True(all.Count(d => d.Severity == Severity.Error) == 0, string.Join(" | ", all.Select(d => d.Format())));
    }

    [Fact]
    public void Findings_inside_a_loop_point_at_the_source_line()
    {
        var yaml = Services.Replace("          ReservedConcurrentExecutions: !Length [a, b, c]\n",
            "          Policies:\n            - Statement:\n                - Effect: Allow\n                  Action: s3:GetObjectt\n                  Resource: '*'\n", StringComparison.Ordinal);
        Assert.NotEqual(Services, yaml);
        var found = Check.Code(yaml, DiagnosticCatalog.UnknownAction);
        Assert.NotEmpty(found);
        Assert.All(found, d => Assert.Equal(Check.LineOf(yaml, "s3:GetObjectt"), d.Line));
    }

    [Fact]
    public void A_collection_not_known_before_deploy_is_an_error_at_the_collection()
    {
        var yaml = Services.Replace("    - !Ref Names\n    - ${Service}Function:", "    - !GetAtt Registry.Names\n    - ${Service}Function:", StringComparison.Ordinal);
        Assert.NotEqual(Services, yaml);
        var d = Check.One(yaml, DiagnosticCatalog.LanguageExtensionError);
        Assert.Equal(Check.LineOf(yaml, "!GetAtt Registry.Names"), d.Line);
        Assert.Contains("Fn::ForEach::Services", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_that_generates_the_same_key_twice_is_an_error()
    {
        var yaml = Header + "Resources:\n  Fn::ForEach::Topics:\n    - Name\n    - [a, b]\n    - Topic:\n        Type: AWS::SNS::Topic\n";
        var d = Check.One(yaml, DiagnosticCatalog.LanguageExtensionError);
        Assert.Contains("more than once", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Listed_after_the_sam_transform_the_extensions_do_not_run_first()
    {
        var yaml = Services.Replace("  - AWS::LanguageExtensions\n  - AWS::Serverless-2016-10-31\n", "  - AWS::Serverless-2016-10-31\n  - AWS::LanguageExtensions\n", StringComparison.Ordinal);
        Assert.NotEqual(Services, yaml);
        Assert.False(Transform.Run(yaml).Succeeded);
    }

    [Fact]
    public void Without_the_extensions_parameter_refs_are_left_to_sam()
    {
        var yaml = "Transform: AWS::Serverless-2016-10-31\nParameters:\n  Stage: {Type: String, Default: prod}\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref Stage\n";
        var t = (MapNode)Transform.Resources(yaml).Get("T")!;
        Assert.Equal("{\"Ref\":\"Stage\"}", ((MapNode)t.Get("Properties")!).Get("TopicName")!.ToString());
    }
}
