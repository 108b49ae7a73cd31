using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.Function;

/// <summary>Function-level errors carry the reference's exact text.</summary>
public sealed class FunctionErrorTests
{
    private static string FunctionWith(string properties) => $"""
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              InlineCode: x
              Handler: index.handler
              Runtime: python3.12
              {properties}
        """;

    private const string Prefix = "Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. ";

    [Fact]
    public void A_value_outside_a_string_enum_is_refused_naming_the_strings()
    {
        var error = Error(FunctionWith("AutoPublishAlias: live\n      VersionDeletionPolicy: Keep"));
        Assert.Equal(Prefix + "Property 'VersionDeletionPolicy' should be a one of the strings: 'Delete' or 'Retain'.", error);
    }

    [Fact]
    public void Capacity_provider_config_reports_pydantic_validation_errors()
    {
        var error = Error(FunctionWith("CapacityProviderConfig: {PerExecutionEnvironmentMaxConcurrency: [1], Foo: 1}"));
        Assert.Equal(
            Prefix + "Invalid CapacityProviderConfig: 4 validation errors for CapacityProviderConfig\n"
            + "Arn\n  field required (type=value_error.missing)\n"
            + "PerExecutionEnvironmentMaxConcurrency\n  value is not a valid dict (type=type_error.dict)\n"
            + "PerExecutionEnvironmentMaxConcurrency\n  value is not a valid integer (type=type_error.integer)\n"
            + "Foo\n  extra fields not permitted (type=value_error.extra)",
            error);
    }

    [Fact]
    public void Capacity_provider_config_values_are_coerced_like_the_reference()
    {
        var resources = Resources(FunctionWith("CapacityProviderConfig: {Arn: 12, PerExecutionEnvironmentMaxConcurrency: \"4\", ExecutionEnvironmentMemoryGiBPerVCpu: \"2.5\"}"));
        Assert.Equal(
            """{"LambdaManagedInstancesCapacityProviderConfig":{"CapacityProviderArn":"12","PerExecutionEnvironmentMaxConcurrency":4,"ExecutionEnvironmentMemoryGiBPerVCpu":2.5}}""",
            JsonOf(resources.Resource("Fn").Props().Get("CapacityProviderConfig")));
    }

    [Fact]
    public void Mappings_that_are_not_a_map_are_refused()
    {
        var error = Error("Mappings: [1]\n" + FunctionWith(""));
        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 1. Structure of the SAM template is invalid. 'Mappings' or 'Parameters' is either null or not a valid dictionary.",
            error);
    }

    [Fact]
    public void Provisioned_concurrency_requires_an_alias()
    {
        var error = Error(FunctionWith("ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 1}"));
        Assert.Equal(Prefix + "To set ProvisionedConcurrencyConfig AutoPublishALias must be defined on the function", error);
    }

    [Fact]
    public void Sns_destination_created_by_sam_is_referenced_by_ref()
    {
        var resources = Resources(FunctionWith("EventInvokeConfig: {DestinationConfig: {OnFailure: {Type: SNS}}}"));
        Assert.Equal(
            """{"OnFailure":{"Destination":{"Ref":"FnEventInvokeConfigOnFailureTopic"}}}""",
            JsonOf(resources.Resource("FnEventInvokeConfig").Props().Get("DestinationConfig")));
    }
}
