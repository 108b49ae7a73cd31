using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Function;

public sealed partial class SamFunction
{
    /// <summary>
    /// CapacityProviderConfig {Arn, PerExecutionEnvironmentMaxConcurrency, ExecutionEnvironmentMemoryGiBPerVCpu}
    /// → {LambdaManagedInstancesCapacityProviderConfig: {CapacityProviderArn, ...}}.
    /// </summary>
    private MapNode TransformCapacityProviderConfig()
    {
        var config = (MapNode)Prop("CapacityProviderConfig")!;
        var inner = N.Map(("CapacityProviderArn", config.Get("Arn") ?? NullNode.Instance));
        if (config.Get("PerExecutionEnvironmentMaxConcurrency") is { } max and not NullNode)
        {
            inner.Set("PerExecutionEnvironmentMaxConcurrency", max);
        }

        if (config.Get("ExecutionEnvironmentMemoryGiBPerVCpu") is { } ratio and not NullNode)
        {
            inner.Set("ExecutionEnvironmentMemoryGiBPerVCpu", ratio);
        }

        return N.Map(("LambdaManagedInstancesCapacityProviderConfig", inner));
    }
}
