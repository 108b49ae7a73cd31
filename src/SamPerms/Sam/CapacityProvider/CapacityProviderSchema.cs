using SamPerms.Sam.Core.Schema;
using static SamPerms.Sam.Core.Schema.SchemaModel;

namespace SamPerms.Sam.CapacityProvider;

/// <summary>The reference's pydantic model of AWS::Serverless::CapacityProvider properties.</summary>
internal static class CapacityProviderSchema
{
    private static readonly SchemaType IdList = SchemaType.Intrinsicable(SchemaType.List(SchemaType.Intrinsicable(SchemaType.Str)));

    private static readonly SchemaModel VpcConfig = new(
        Optional("SecurityGroupIds", IdList),
        Required("SubnetIds", IdList));

    private static readonly SchemaModel InstanceRequirements = new(
        Optional("Architectures", IdList),
        Optional("AllowedTypes", IdList),
        Optional("ExcludedTypes", IdList));

    private static readonly SchemaModel ScalingConfig = new(
        Optional("MaxVCpuCount", SchemaType.Intrinsicable(SchemaType.Int)),
        Optional("AverageCPUUtilization", SchemaType.Intrinsicable(SchemaType.Float)));

    public static readonly SchemaModel Properties = new(
        Optional("CapacityProviderName", SchemaType.Any),
        Required("VpcConfig", VpcConfig),
        Optional("OperatorRole", SchemaType.Any),
        Optional("Tags", SchemaType.Dict()),
        Optional("PropagateTags", SchemaType.Bool),
        Optional("InstanceRequirements", InstanceRequirements),
        Optional("ScalingConfig", ScalingConfig),
        Optional("KmsKeyArn", SchemaType.Any));
}
