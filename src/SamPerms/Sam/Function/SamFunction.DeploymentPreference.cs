using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Deployment;

namespace SamPerms.Sam.Function;

public sealed partial class SamFunction
{
    /// <summary>
    /// DeploymentPreference: resolve Enabled, Type and PassthroughCondition from parameters and mappings (written
    /// back into the property, as the reference does), record the preference in the template-wide collection, and
    /// when it is enabled give the alias the UpdatePolicy that hands its updates to CodeDeploy.
    /// </summary>
    private void ApplyDeploymentPreference(CfnResource? alias, TransformContext ctx)
    {
        if (Prop("DeploymentPreference") is not MapNode preference || preference.Count == 0)
        {
            return;
        }

        foreach (var key in (string[])["Enabled", "Type"])
        {
            if (preference.TryGet(key, out var value))
            {
                value = ctx.Intrinsics.ResolveParameterRefs(value)!;
                preference.Set(key, ctx.Mappings.ResolveParameterRefs(value)!);
            }
        }

        // Without the property the reference asks a feature toggle that is off by default: no passthrough.
        preference.Set("PassthroughCondition", preference.TryGet("PassthroughCondition", out var passthrough)
            ? ResolveToBoolean(passthrough, "PassthroughCondition", ctx)
            : BoolNode.False);

        var collection = ctx.State<DeploymentPreferenceCollection>();
        collection.Add(LogicalId, DeploymentPreference.FromMap(LogicalId, preference, Condition, Prop("Tags"), Prop("PropagateTags"), OriginOf("DeploymentPreference")));
        if (!collection.Get(LogicalId).Enabled)
        {
            return;
        }

        if (!Py.Truthy(Prop("AutoPublishAlias")) || alias is null)
        {
            throw new InvalidResourceException(LogicalId, "'DeploymentPreference' requires AutoPublishAlias property to be specified.").Locate(preference);
        }

        alias.SetAttribute("UpdatePolicy", collection.UpdatePolicy(LogicalId));
    }

    /// <summary>
    /// The reference's _resolve_property_to_boolean: true/"true"/"True" or false/"false"/"False" after resolving
    /// parameter Refs and Fn::FindInMap; other intrinsics and other values are refused.
    /// </summary>
    private BoolNode ResolveToBoolean(Node value, string propertyName, TransformContext ctx)
    {
        var resolved = ctx.Mappings.ResolveParameterRefs(ctx.Intrinsics.ResolveParameterRefs(value));

        // Python's "in [True, 'true', 'True']" compares with ==, so 1 and 1.0 count as True too.
        if (Py.Equal(resolved, BoolNode.True) || resolved is StringNode { Value: "true" or "True" })
        {
            return BoolNode.True;
        }

        if (Py.Equal(resolved, BoolNode.False) || resolved is StringNode { Value: "false" or "False" })
        {
            return BoolNode.False;
        }

        if (Intrinsics.IsIntrinsic(resolved))
        {
            throw new InvalidResourceException(LogicalId, $"Unsupported intrinsic: the only intrinsic functions supported for property {propertyName} are FindInMap and parameter Refs.").Locate(value);
        }

        throw new InvalidResourceException(LogicalId, $"Invalid value for property {propertyName}.").Locate(value);
    }
}
