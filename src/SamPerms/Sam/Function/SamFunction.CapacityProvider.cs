using SamPerms.Model;
using SamPerms.Sam.Core;
using static SamPerms.Sam.Function.PydanticV1Coercion;

namespace SamPerms.Sam.Function;

public sealed partial class SamFunction
{
    /// <summary>The reference's CapacityProviderConfig schema model: Arn (dict or str), two optional numbers.</summary>
    private static readonly Field[] CapacityProviderConfigFields =
    [
        new("Arn", [Kind.Dict, Kind.Str], Required: true),
        new("PerExecutionEnvironmentMaxConcurrency", [Kind.Dict, Kind.Int], Required: false),
        new("ExecutionEnvironmentMemoryGiBPerVCpu", [Kind.Dict, Kind.Int, Kind.Float], Required: false),
    ];

    /// <summary>
    /// CapacityProviderConfig {Arn, PerExecutionEnvironmentMaxConcurrency, ExecutionEnvironmentMemoryGiBPerVCpu}
    /// → {LambdaManagedInstancesCapacityProviderConfig: {CapacityProviderArn, ...}}. The values are the ones the
    /// reference's pydantic model parsed (so "4" becomes 4), and its validation errors are reported verbatim.
    /// </summary>
    private MapNode TransformCapacityProviderConfig()
    {
        var config = (MapNode)Prop("CapacityProviderConfig")!;
        var (values, errors) = ParseObject(config, CapacityProviderConfigFields);
        if (errors.Count > 0)
        {
            throw new InvalidResourceException(LogicalId, $"Invalid CapacityProviderConfig: {Format("CapacityProviderConfig", errors)}").Locate(config);
        }

        var inner = N.Map(("CapacityProviderArn", values["Arn"]!));
        if (values["PerExecutionEnvironmentMaxConcurrency"] is { } max)
        {
            inner.Set("PerExecutionEnvironmentMaxConcurrency", max);
        }

        if (values["ExecutionEnvironmentMemoryGiBPerVCpu"] is { } ratio)
        {
            inner.Set("ExecutionEnvironmentMemoryGiBPerVCpu", ratio);
        }

        return N.Map(("LambdaManagedInstancesCapacityProviderConfig", inner));
    }
}
