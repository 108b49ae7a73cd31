using SamPerms.Model;

namespace SamPerms.Sam.Deployment;

/// <summary>
/// DeploymentPreference.Type → DeploymentConfigName. CodeDeploy's predefined Lambda configurations are named
/// "CodeDeployDefault.Lambda&lt;Type&gt;"; SAM writes them as an Fn::Sub wherever they appear, also inside
/// intrinsic functions (Fn::If branches), and leaves custom configuration names as they are.
/// </summary>
public static class DeploymentConfigNames
{
    private const string SubTemplate = "CodeDeployDefault.Lambda${ConfigName}";

    private static readonly HashSet<string> Predefined = new(StringComparer.Ordinal)
    {
        "Canary10Percent5Minutes", "Canary10Percent10Minutes", "Canary10Percent15Minutes", "Canary10Percent30Minutes",
        "Linear10PercentEvery1Minute", "Linear10PercentEvery2Minutes", "Linear10PercentEvery3Minutes",
        "Linear10PercentEvery10Minutes", "AllAtOnce",
    };

    /// <summary>Rewrites the value in place (callers pass a copy) and returns the new value.</summary>
    public static Node? Replace(Node? value, string? parentKey = null)
    {
        switch (value)
        {
            case SeqNode list:
                for (int i = 0; i < list.Count; i++)
                {
                    list[i] = Replace(list[i])!;
                }

                return list;
            case MapNode map when Intrinsics.IsIntrinsic(map):
                foreach (var e in map.Entries.ToArray())
                {
                    map.Set(e.Key, Replace(e.Value, e.Key)!);
                }

                return map;
            case StringNode s when Predefined.Contains(s.Value):
                var variables = N.Map(("ConfigName", s.Value));

                // Already the argument of an Fn::Sub: give its [template, variables] form rather than nest a Sub.
                return parentKey == "Fn::Sub" ? N.Seq(SubTemplate, variables) : N.Sub(SubTemplate, variables);
            default:
                return value;
        }
    }
}
