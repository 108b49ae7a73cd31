using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>
/// The reference's make_combined_condition (model/intrinsics.py), shared by the implicit API plugins and
/// CodeDeploy: one condition true when any of several is. Fn::Or takes at most ten conditions, so longer lists
/// are folded into numbered conditions (Name2, Name1, ...) that feed the last one, Name.
/// </summary>
public static class CombinedConditions
{
    private const int MaxConditions = 10;

    /// <summary>The new conditions in creation order; empty when fewer than two are given.</summary>
    public static List<(string Name, MapNode Value)> Make(IReadOnlyList<Node> conditions, string conditionName)
    {
        var result = new List<(string, MapNode)>();
        if (conditions.Count < 2)
        {
            return result;
        }

        var pending = conditions.ToList();

        // Every Fn::Or consumes up to ten names and adds one back: 1 + (n - 2) / 9 conditions in all.
        int suffix = (pending.Count - 2) / (MaxConditions - 1);
        while (pending.Count > 1)
        {
            var name = conditionName;
            if (suffix > 0)
            {
                name = $"{conditionName}{suffix}";
                suffix--;
            }

            var or = N.Map(("Fn::Or", new SeqNode(pending.Take(MaxConditions).Select(c => (Node)N.Map(("Condition", c))))));
            pending = [.. pending.Skip(MaxConditions), new StringNode(name)];
            result.Add((name, or));
        }

        return result;
    }

    /// <summary>Make over condition names.</summary>
    public static List<(string Name, MapNode Value)> Make(IReadOnlyList<string> conditionNames, string conditionName) =>
        Make(conditionNames.Select(c => (Node)new StringNode(c)).ToList(), conditionName);

    /// <summary>Adds the combined condition (of the sorted conditions) to the template's Conditions (the implicit API plugin's helper).</summary>
    public static void AddToTemplate(MapNode template, string conditionName, IEnumerable<Node> conditions)
    {
        var sorted = conditions.OrderBy(c => Py.Str(c), StringComparer.Ordinal).ToList();
        if (sorted.Count < 2)
        {
            throw new InvalidOperationException("conditions_to_combine must have at least 2 conditions");
        }

        var templateConditions = (MapNode)template.SetDefault("Conditions", new MapNode());
        foreach (var (name, value) in Make(sorted, conditionName))
        {
            templateConditions.Set(name, value);
        }
    }
}
