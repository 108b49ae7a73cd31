using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.StateMachine;

public sealed partial class SamStateMachine
{
    /// <summary>
    /// AutoPublishAlias: a StateMachineVersion (no hash in its id: the state machine replaces it on every update)
    /// and a StateMachineAlias with the DeploymentPreference (ALL_AT_ONCE when none is given). Returns the alias.
    /// </summary>
    private CfnResource? ConstructVersionAndAlias(CfnResource stateMachine, List<CfnResource> resources)
    {
        var aliasName = Prop("AutoPublishAlias");
        var preference = Prop("DeploymentPreference");
        if (!Py.Truthy(aliasName))
        {
            if (Py.Truthy(Prop("UseAliasAsEventTarget")))
            {
                throw new InvalidResourceException(LogicalId, "'UseAliasAsEventTarget' requires 'AutoPublishAlias' property to be specified.").Locate(Prop("UseAliasAsEventTarget"));
            }

            if (Py.Truthy(preference))
            {
                throw new InvalidResourceException(LogicalId, "'DeploymentPreference' requires 'AutoPublishAlias' property to be specified.").Locate(preference);
            }

            return null;
        }

        var origin = OriginOf("AutoPublishAlias");
        var versionAttributes = PassthroughAttributes();
        // Retain both on delete and on replace, so that a gradual deployment can still shift from the old version.
        if (!versionAttributes.ContainsKey("DeletionPolicy"))
        {
            versionAttributes.Set("DeletionPolicy", "Retain");
        }

        if (!versionAttributes.ContainsKey("UpdateReplacePolicy"))
        {
            versionAttributes.Set("UpdateReplacePolicy", "Retain");
        }

        var version = new CfnResource(LogicalId + "Version", "AWS::StepFunctions::StateMachineVersion") { Origin = origin }
            .WithAttributes(versionAttributes);
        version["StateMachineArn"] = stateMachine.Ref();
        version["StateMachineRevisionId"] = stateMachine.GetAtt("StateMachineRevisionId");

        var alias = new CfnResource($"{LogicalId}Alias{Py.Str(aliasName)}", "AWS::StepFunctions::StateMachineAlias") { Origin = origin }
            .WithAttributes(PassthroughAttributes());
        alias["Name"] = aliasName;

        // The reference adds the version ARN to the user's DeploymentPreference map itself (and fails with a
        // Python error when it is not a map).
        if (Py.Truthy(preference) && preference is not MapNode)
        {
            throw new InvalidResourcePropertyTypeException(LogicalId, "DeploymentPreference", ExpectedType.Map).Locate(preference);
        }

        var deployment = preference is MapNode given && given.Count > 0 ? given : N.Map(("Type", "ALL_AT_ONCE"));
        deployment.Set("StateMachineVersionArn", version.Ref());
        alias["DeploymentPreference"] = deployment;

        resources.Add(version);
        resources.Add(alias);
        return alias;
    }
}
