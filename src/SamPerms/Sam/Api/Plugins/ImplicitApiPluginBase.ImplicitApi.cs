using SamPerms.Model;
using SamPerms.Sam.Api.Rest;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Plugins;

/// <summary>
/// What happens to the APIs once every event is recorded: the implicit API takes the owners' Condition,
/// DeletionPolicy and UpdateReplacePolicy, paths of conditional owners become conditional, an implicit API no
/// event uses is removed, and one that stays gets a place in the file.
/// </summary>
public abstract partial class ImplicitApiPluginBase
{
    private void MaybeAddConditionToImplicitApi(Run run)
    {
        if (!run.Conditions.TryGetValue(ImplicitApiLogicalId, out var paths) || paths.Count == 0)
        {
            return;
        }

        var all = DistinctConditions(paths.InOrder.SelectMany(p => p.Methods.Select(m => m.Condition)));
        if (all.Count > 0 && !all.Any(c => c is null) && run.Resources.Get(ImplicitApiLogicalId) is MapNode api)
        {
            if (all.Count == 1)
            {
                api.Set("Condition", all[0]!);
            }
            else
            {
                api.Set("Condition", ImplicitApiCondition);
                CombinedConditions.AddToTemplate(run.Template, ImplicitApiCondition, all!);
            }
        }
    }

    /// <summary>A Python set of conditions (None included as null).</summary>
    private static List<Node?> DistinctConditions(IEnumerable<Node?> conditions)
    {
        var result = new List<Node?>();
        foreach (var c in conditions)
        {
            var value = c is NullNode ? null : c;
            if (!result.Any(r => Py.Equal(r, value)))
            {
                result.Add(value);
            }
        }

        return result;
    }

    private void MaybeAddPolicyToImplicitApi(Dictionary<string, List<Node?>> policies, Run run, string attribute, string[] precedence)
    {
        if (!policies.TryGetValue(ImplicitApiLogicalId, out var list) || list.Count == 0 || !list.Any(Py.Truthy))
        {
            return;
        }

        if (run.Resources.Get(ImplicitApiLogicalId) is not MapNode api)
        {
            return;
        }

        foreach (var value in precedence)
        {
            if (list.Any(p => p is StringNode s && s.Value == value))
            {
                api.Set(attribute, value);
                return;
            }
        }
    }

    private void MaybeAddConditionsToPaths(Run run)
    {
        foreach (var (apiId, api) in Iterate(run.Resources, ServerlessApiResourceType))
        {
            if (PropertiesOf(api) is not MapNode props || !Py.Truthy(props.Get(DefaultDefinitionBodyPlugin.ManageSwagger)))
            {
                continue;
            }

            run.Edits.Run(() =>
            {
                var editor = EditorFor(props.Get("DefinitionBody")!, run.Edits.InPlace);
                foreach (var path in editor.IterOnPath())
                {
                    if (PathCondition(run, apiId, path) is { } condition)
                    {
                        editor.MakePathConditional(path, condition);
                    }
                }

                props.Set("DefinitionBody", editor.Document);
            });
        }
    }

    /// <summary>
    /// The condition of a path whose every method's owner has one: that condition, or a new one combining them;
    /// null when some owner has none.
    /// </summary>
    private static Node? PathCondition(Run run, string apiId, string path)
    {
        var methods = run.Conditions.TryGetValue(apiId, out var routes) ? routes.MethodsOf(path) : null;
        if (methods is null)
        {
            throw new InvalidOperationException($"No conditions recorded for {apiId} {path}.");
        }

        var all = DistinctConditions(methods.Select(m => m.Condition));
        if (all.Count == 0 || all.Any(c => c is null))
        {
            return null;
        }

        if (all.Count == 1)
        {
            return all[0];
        }

        var name = $"{apiId}{path.Replace("/", "SLASH", StringComparison.Ordinal).Replace("{", "OB", StringComparison.Ordinal).Replace("}", "CB", StringComparison.Ordinal)}PathCondition";
        CombinedConditions.AddToTemplate(run.Template, name, all!);
        return new StringNode(name);
    }

    private void MaybeRemoveImplicitApi(Run run, Node? existing)
    {
        if (run.Resources.Get(ImplicitApiLogicalId) is not MapNode api
            || PropertiesOf(api) is not MapNode props
            || (props.Get("DefinitionBody") as MapNode)?.Get("paths") is not MapNode paths
            || paths.Count != 0)
        {
            return;
        }

        if (existing is not null)
        {
            run.Resources.Set(ImplicitApiLogicalId, existing);
        }
        else
        {
            run.Resources.Remove(ImplicitApiLogicalId);
        }
    }

    /// <summary>
    /// The implicit API is written nowhere: give it the place of the first event that implies it, so that its
    /// errors point at a line of the template.
    /// </summary>
    private void LocateImplicitApi(Run run)
    {
        if (run.Resources.Get(ImplicitApiLogicalId) is not MapNode api || api.Span.IsKnown)
        {
            return;
        }

        foreach (var (_, resource) in Iterate(run.Resources, "AWS::Serverless::Function", "AWS::Serverless::StateMachine"))
        {
            foreach (var e in ApiEvents(resource).Entries)
            {
                if ((e.Value as MapNode)?.Get("Properties") is MapNode props && RestApiLink.RestApiIdString(props.Get(ApiIdEventProperty))?.Str == ImplicitApiLogicalId)
                {
                    api.Span = e.Value.Span;
                    return;
                }
            }
        }
    }
}
