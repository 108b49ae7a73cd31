using SamPerms.Model;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Function;

/// <summary>A function's EventInvokeConfig (Sam/Function/EventInvokeConfig.cs) through the public transform.</summary>
public sealed class EventInvokeConfigTests
{
    private static string Template(string config, string extra = "") => Transform.FunctionHeader + extra + "\n      EventInvokeConfig:\n" + config;

    [Fact]
    public void An_sqs_destination_without_an_arn_gets_a_queue_the_config_and_the_role_point_at()
    {
        var resources = Transform.Resources(Template("""
                    MaximumRetryAttempts: 1
                    DestinationConfig:
                      OnFailure:
                        Type: SQS
            """));
        Assert.Equal("AWS::SQS::Queue", resources.Resource("FnEventInvokeConfigOnFailureQueue").Get("Type")!.Str);
        var config = resources.Resource("FnEventInvokeConfig").Props();
        Assert.Equal("$LATEST", config.Get("Qualifier")!.Str);
        Assert.Equal(N.Ref("Fn").ToString(), config.Get("FunctionName")!.ToString());
        var destination = ((MapNode)((MapNode)config.Get("DestinationConfig")!).Get("OnFailure")!).Get("Destination")!;
        Assert.Equal(N.GetAtt("FnEventInvokeConfigOnFailureQueue", "Arn").ToString(), destination.ToString());
        var policies = (SeqNode)resources.Resource("FnRole").Props().Get("Policies")!;
        Assert.Contains(policies.Items, p => ((MapNode)p).Get("PolicyName")!.Str == "FnEventInvokeConfigOnFailureSQSPolicy");
    }

    [Fact]
    public void With_an_alias_the_config_qualifies_it_and_depends_on_it()
    {
        var config = Transform.Resources(Template("""
                    DestinationConfig:
                      OnSuccess:
                        Type: Lambda
                        Destination: arn:aws:lambda:us-east-1:123456789012:function:other
            """, "\n      AutoPublishAlias: live")).Resource("FnEventInvokeConfig");
        Assert.Equal("live", config.Props().Get("Qualifier")!.Str);
        Assert.Equal("FnAliaslive", ((SeqNode)config.Get("DependsOn")!)[0].Str);
    }

    [Fact]
    public void A_destination_type_sam_does_not_know_is_refused_with_the_references_message() =>
        Transform.AssertErrorEndsWith(Template("""
                    DestinationConfig:
                      OnFailure:
                        Type: Kinesis
            """), "'Type: Kinesis' must be one of ['SQS', 'SNS', 'EventBridge', 'Lambda', 'S3Bucket']");

    [Fact]
    public void A_lambda_destination_needs_its_arn() =>
        Transform.AssertErrorEndsWith(Template("""
                    DestinationConfig:
                      OnFailure:
                        Type: Lambda
            """), "Destination is required if Type is not ['SQS', 'SNS']");
}
