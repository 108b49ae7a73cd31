using SamPerms.Sam.Core;

namespace SamPerms.Sam.Function;

public sealed partial class SamFunction
{
    /// <summary>DeploymentPreference (CodeDeploy). Not built yet: refused with a clear message rather than guessed.</summary>
    private void ApplyDeploymentPreference(CfnResource? alias, TransformContext ctx)
    {
        _ = alias;
        _ = ctx;
        if (Prop("DeploymentPreference") is null)
        {
            return;
        }

        throw new InvalidResourceException(LogicalId, "SamPerms does not expand DeploymentPreference yet.").Locate(Prop("DeploymentPreference"));
    }
}
