using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Deployment;

/// <summary>
/// DeploymentPreference.Alarms → the deployment group's AlarmConfiguration: a list of alarm names, or an Fn::If
/// choosing between two such lists (each branch converted on its own).
/// </summary>
public static class DeploymentAlarms
{
    /// <summary>The AlarmConfiguration, or null when there are no alarms (absent, empty, or AWS::NoValue).</summary>
    public static Node? Convert(Node? alarms, string functionLogicalId)
    {
        if (!Py.Truthy(alarms) || Intrinsics.IsNoValue(alarms))
        {
            return null;
        }

        if (Intrinsics.IsIf(alarms))
        {
            var converted = (MapNode)alarms!.Clone();
            if (Intrinsics.Arg(converted) is not SeqNode { Count: 3 } items)
            {
                throw Invalid(functionLogicalId, "Fn::If requires 3 arguments", alarms);
            }

            items[1] = Build(items[1], functionLogicalId);
            items[2] = Build(items[2], functionLogicalId);
            return converted;
        }

        return Build(alarms!, functionLogicalId);
    }

    private static MapNode Build(Node alarms, string functionLogicalId)
    {
        if (alarms is not SeqNode list)
        {
            throw Invalid(functionLogicalId, "Alarms must be a list", alarms);
        }

        if (list.Count == 0 || Intrinsics.IsNoValue(list[0]))
        {
            return new MapNode();
        }

        return N.Map(("Enabled", true), ("Alarms", N.Seq(list.Items.Select(a => (Node)N.Map(("Name", a))))));
    }

    private static SamException Invalid(string logicalId, string message, Node at) =>
        new InvalidResourceException(logicalId, message).Locate(at);
}
