using SamPerms.Model;

namespace SamPerms.Sam.Api;

/// <summary>
/// The implicit API follows its functions' resource attributes: it exists only under the conditions of the
/// functions behind it (one condition, or an Fn::Or of them), as does each path; it keeps the strongest
/// DeletionPolicy and UpdateReplacePolicy among them.
/// </summary>
public abstract partial class ImplicitApiPlugin
{
    private void MaybeAddConditionToImplicitApi(ImplicitApiState state, MapNode template)
    {
        if (!state.Conditions.TryGetValue(ImplicitApiLogicalId, out var byPath) || byPath.Count == 0)
        {
            return;
        }

        // The implicit API gets a condition only when every one of its methods has one.
        var conditions = DistinctConditions(byPath.Values.SelectMany(m => m.Values));
        if (conditions.Count == 0 || conditions.Any(c => c is null))
        {
            return;
        }

        var implicitApi = (MapNode)((MapNode)template.Get("Resources")!).Get(ImplicitApiLogicalId)!;
        if (conditions.Count == 1)
        {
            implicitApi.Set("Condition", conditions[0]!);
        }
        else
        {
            implicitApi.Set("Condition", ImplicitApiCondition);
            AddCombinedConditionToTemplate(template, ImplicitApiCondition, conditions.Select(c => Py.Str(c)));
        }
    }

    /// <summary>
    /// DeletionPolicy / UpdateReplacePolicy of the implicit API: the strongest one any of its functions has, in
    /// the order given (Retain first).
    /// </summary>
    private void MaybeAddPolicyToImplicitApi(Dictionary<string, List<Node?>> policies, string attribute, string[] strength, MapNode template)
    {
        if (!policies.TryGetValue(ImplicitApiLogicalId, out var list) || list.Count == 0 || !list.Any(Py.Truthy))
        {
            return;
        }

        var implicitApi = (MapNode)((MapNode)template.Get("Resources")!).Get(ImplicitApiLogicalId)!;
        foreach (var policy in strength)
        {
            if (list.Any(p => p is StringNode s && s.Value == policy))
            {
                implicitApi.Set(attribute, policy);
                return;
            }
        }
    }

    /// <summary>Conditions as a set (the reference collects them into a Python set).</summary>
    private static List<Node?> DistinctConditions(IEnumerable<Node?> conditions)
    {
        var result = new List<Node?>();
        foreach (var c in conditions)
        {
            if (!result.Any(r => Py.Equal(r, c)))
            {
                result.Add(c);
            }
        }

        return result;
    }

    /// <summary>Adds an Fn::Or of the conditions (split in chains of at most 10) to the template's Conditions.</summary>
    protected static void AddCombinedConditionToTemplate(MapNode template, string conditionName, IEnumerable<string> conditionsToCombine)
    {
        if (template.Get("Conditions") is not MapNode conditions)
        {
            conditions = new MapNode();
            template.Set("Conditions", conditions);
        }

        foreach (var (name, definition) in MakeCombinedCondition(conditionsToCombine.Order(StringComparer.Ordinal).ToList(), conditionName))
        {
            conditions.Set(name, definition);
        }
    }

    /// <summary>
    /// The reference's make_combined_condition: Fn::Or takes at most 10 conditions, so longer lists are chained
    /// through numbered helper conditions (Name1, Name2, ...) and Name itself ORs what is left.
    /// </summary>
    public static List<(string Name, MapNode Definition)> MakeCombinedCondition(List<string> conditions, string conditionName)
    {
        const int MaxConditions = 10;
        var result = new List<(string, MapNode)>();
        if (conditions.Count < 2)
        {
            return result;
        }

        // calculate_number_of_conditions: each extra condition replaces up to 10 with one.
        int zeroBased = (conditions.Count - 2) / (MaxConditions - 1);
        while (conditions.Count > 1)
        {
            var name = conditionName;
            if (zeroBased > 0)
            {
                name = conditionName + zeroBased;
                zeroBased--;
            }

            var or = N.Map(("Fn::Or", N.Seq(conditions.Take(MaxConditions).Select(c => (Node)N.Condition(c)))));
            conditions = [.. conditions.Skip(MaxConditions), name];
            result.Add((name, or));
        }

        return result;
    }

    /// <summary>
    /// A path whose methods all come from functions with conditions exists only under those conditions: the
    /// one condition, or an Fn::Or of them named after the API and path.
    /// </summary>
    private void MaybeAddConditionsToImplicitApiPaths(ImplicitApiState state, MapNode template)
    {
        var resources = (MapNode)template.Get("Resources")!;
        foreach (var (apiId, api) in Iterate(resources, ServerlessApiResourceType).ToList())
        {
            var properties = PropertiesOf(api);
            if (!Py.Truthy(properties.Get(ManageSwagger)))
            {
                continue;
            }

            var editor = CreateEditor(properties.Get("DefinitionBody"));
            foreach (var path in editor.IterOnPath())
            {
                var byMethod = state.Conditions.GetValueOrDefault(apiId)?.GetValueOrDefault(path);
                var conditions = DistinctConditions(byMethod?.Values ?? Enumerable.Empty<Node?>());
                if (conditions.Count == 0 || conditions.Any(c => c is null))
                {
                    continue;
                }

                if (conditions.Count == 1)
                {
                    editor.MakePathConditional(path, Py.Str(conditions[0]));
                }
                else
                {
                    var pathCondition = PathConditionName(apiId, path);
                    AddCombinedConditionToTemplate(template, pathCondition, conditions.Select(c => Py.Str(c)));
                    editor.MakePathConditional(path, pathCondition);
                }
            }

            properties.Set("DefinitionBody", DefinitionOf(editor));
            SetProperties(api, properties);
        }
    }

    /// <summary>A valid condition name from the API id and path: "/" → SLASH, "{" → OB, "}" → CB.</summary>
    private static string PathConditionName(string apiId, string path) =>
        apiId + path.Replace("/", "SLASH").Replace("{", "OB").Replace("}", "CB") + "PathCondition";
}
