using SamPerms.Model;

namespace SamPerms.Sam.Deployment;

/// <summary>
/// The reference's make_combined_condition: one condition true when any of several is. Fn::Or takes at most ten
/// conditions, so longer lists are folded into numbered conditions (Name2, Name1, ...) that feed the last one, Name.
/// </summary>
public static class CombinedConditions
{
    private const int MaxInOr = 10;

    /// <summary>The new conditions to add to the template, in creation order; null when fewer than two are given.</summary>
    public static MapNode? Make(IReadOnlyList<string> conditionNames, string name)
    {
        if (conditionNames.Count < 2)
        {
            return null;
        }

        var result = new MapNode();
        var pending = new List<string>(conditionNames);

        // Every Fn::Or consumes up to ten names and adds one back: 1 + (n - 2) / 9 conditions in all.
        int suffix = 1 + ((pending.Count - 2) / (MaxInOr - 1)) - 1;
        while (pending.Count > 1)
        {
            var newName = name;
            if (suffix > 0)
            {
                newName = name + suffix;
                suffix--;
            }

            var group = pending.Take(MaxInOr).Select(c => (Node)N.Condition(c));
            var or = N.Map(("Fn::Or", N.Seq(group)));
            pending = [.. pending.Skip(MaxInOr), newName];
            result.Set(newName, or);
        }

        return result;
    }
}
