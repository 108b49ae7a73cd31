using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Deployment;

/// <summary>
/// After every resource is expanded: when any function has an enabled DeploymentPreference, add the CodeDeploy
/// application, the aggregate condition the shared resources need, the service role (unless every preference brings
/// its own), and each function's deployment group. A broken deployment group is reported and the others still added.
/// </summary>
public static class CodeDeployFinisher
{
    public static void Finish(FinisherOutput output)
    {
        var collection = output.Context.StateIfAny<DeploymentPreferenceCollection>();
        if (collection is null || !collection.AnyEnabled)
        {
            return;
        }

        output.Add(collection.CodeDeployApplication());
        if (collection.NeedsResourceCondition)
        {
            // Like the reference, a template without a Conditions section does not get one here.
            if (output.Context.Conditions is { } existing)
            {
                foreach (var (name, value) in collection.AggregateDeploymentCondition())
                {
                    existing.Set(name, value);
                }
            }
        }

        if (!collection.CanSkipServiceRole)
        {
            output.Add(collection.CodeDeployServiceRole(output.Context));
        }

        foreach (var logicalId in collection.EnabledLogicalIds)
        {
            try
            {
                output.Add(collection.DeploymentGroup(logicalId));
            }
            catch (InvalidResourceException e)
            {
                output.Errors.Add(e);
            }
        }
    }
}
