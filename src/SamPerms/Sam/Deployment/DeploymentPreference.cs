using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Deployment;

/// <summary>
/// One function's DeploymentPreference as the reference reads it (DeploymentPreference.from_dict): how CodeDeploy
/// shifts traffic to a new version, the hooks and alarms that guard it, and which condition and tags the CodeDeploy
/// resources inherit. A disabled preference carries nothing but <see cref="Enabled"/> = false.
/// </summary>
public sealed record DeploymentPreference(
    Node? DeploymentType,
    Node? PreTrafficHook,
    Node? PostTrafficHook,
    Node? Alarms,
    bool Enabled,
    Node? Role,
    Node? TriggerConfigurations,
    string? Condition,
    MapNode? Tags,
    Origin Origin)
{
    /// <param name="logicalId">The function the preference belongs to (errors name it).</param>
    /// <param name="preference">The DeploymentPreference map, Enabled/Type/PassthroughCondition already resolved.</param>
    /// <param name="condition">The function's Condition attribute; kept only when PassthroughCondition is true.</param>
    /// <param name="tags">The function's Tags; kept only when PropagateTags is true.</param>
    public static DeploymentPreference FromMap(string logicalId, MapNode preference, string? condition, Node? tags, Node? propagateTags, Origin origin)
    {
        // Enabled defaults to true; the strings "false"/"False" (an unresolved parameter's text) disable it, and so
        // does any other falsy value, as Python's truthiness decides.
        var enabled = preference.TryGet("Enabled", out var e) ? e : BoolNode.True;
        if (enabled is StringNode { Value: "false" or "False" } || !Py.Truthy(enabled))
        {
            return new DeploymentPreference(null, null, null, null, false, null, null, null, null, origin);
        }

        if (!preference.TryGet("Type", out var deploymentType))
        {
            throw new InvalidResourceException(logicalId, "'DeploymentPreference' is missing required Property 'Type'").Locate(preference);
        }

        MapNode? hooks = null;
        if (preference.TryGet("Hooks", out var h))
        {
            hooks = h as MapNode
                ?? throw new InvalidResourceException(logicalId, "'Hooks' property of 'DeploymentPreference' must be a dictionary").Locate(h);
        }

        var passthrough = preference.Get("PassthroughCondition");
        return new DeploymentPreference(
            deploymentType,
            hooks?.Get("PreTraffic"),
            hooks?.Get("PostTraffic"),
            preference.Get("Alarms"),
            true,
            preference.Get("Role"),
            preference.Get("TriggerConfigurations"),
            Py.Truthy(passthrough) ? condition : null,
            Py.Truthy(propagateTags) && Py.Truthy(tags) ? tags as MapNode : null,
            origin);
    }
}
