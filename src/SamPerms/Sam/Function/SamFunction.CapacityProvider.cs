using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Core.Schema;
using static SamPerms.Sam.Core.Schema.SchemaModel;

namespace SamPerms.Sam.Function;

public sealed partial class SamFunction
{
    /// <summary>The reference's CapacityProviderConfig schema model: Arn (dict or str), two optional numbers.</summary>
    private static readonly SchemaModel CapacityProviderConfigModel = new(
        Required("Arn", SchemaType.Intrinsicable(SchemaType.Str)),
        Optional("PerExecutionEnvironmentMaxConcurrency", SchemaType.Intrinsicable(SchemaType.Int)),
        Optional("ExecutionEnvironmentMemoryGiBPerVCpu", SchemaType.Intrinsicable(SchemaType.Union(SchemaType.Int, SchemaType.Float))));

    /// <summary>
    /// CapacityProviderConfig {Arn, PerExecutionEnvironmentMaxConcurrency, ExecutionEnvironmentMemoryGiBPerVCpu}
    /// → {LambdaManagedInstancesCapacityProviderConfig: {CapacityProviderArn, ...}}. The values are the ones the
    /// reference's pydantic model parsed (so "4" becomes 4), and its validation errors are reported verbatim.
    /// </summary>
    private MapNode TransformCapacityProviderConfig()
    {
        var config = (MapNode)Prop("CapacityProviderConfig")!;
        var model = CapacityProviderConfigModel.Parse(config, out var errors)
            ?? throw new InvalidResourceException(LogicalId, $"Invalid CapacityProviderConfig: {SchemaMessages.ValidationError("CapacityProviderConfig", errors)}").Locate(config);

        var inner = N.Map(("CapacityProviderArn", model.Get("Arn")!));
        if (model.Get("PerExecutionEnvironmentMaxConcurrency") is { } max)
        {
            inner.Set("PerExecutionEnvironmentMaxConcurrency", max);
        }

        if (model.Get("ExecutionEnvironmentMemoryGiBPerVCpu") is { } ratio)
        {
            inner.Set("ExecutionEnvironmentMemoryGiBPerVCpu", ratio);
        }

        return N.Map(("LambdaManagedInstancesCapacityProviderConfig", inner));
    }
}
