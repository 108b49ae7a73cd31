using SamPerms.Model;

namespace SamPerms.Sam.Api.Plugins;

/// <summary>
/// The reference's make_combined_condition: an Fn::Or over conditions, split into chained conditions of at
/// most ten (Fn::Or's limit), the extra ones numbered.
/// </summary>
public static class CombinedConditions
{
    private const int MaxConditions = 10;

    public static List<(string Name, MapNode Value)> Make(IReadOnlyList<Node> conditions, string conditionName)
    {
        var result = new List<(string, MapNode)>();
        if (conditions.Count < 2)
        {
            return result;
        }

        var list = conditions.ToList();
        int zeroBased = 1 + ((list.Count - 2) / (MaxConditions - 1)) - 1;
        while (list.Count > 1)
        {
            var name = conditionName;
            if (zeroBased > 0)
            {
                name = $"{conditionName}{zeroBased}";
                zeroBased--;
            }

            var or = N.Map(("Fn::Or", new SeqNode(list.Take(MaxConditions).Select(c => (Node)N.Map(("Condition", c))))));
            list = list.Skip(MaxConditions).ToList();
            list.Add(new StringNode(name));
            result.Add((name, or));
        }

        return result;
    }

    /// <summary>Adds the combined condition (of the sorted conditions) to the template's Conditions.</summary>
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
