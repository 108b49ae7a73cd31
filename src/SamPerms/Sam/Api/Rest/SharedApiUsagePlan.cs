using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// The one usage plan (ServerlessUsagePlan) and API key that every API with UsagePlan SHARED joins: the stages,
/// keys and dependencies accumulate across APIs, and the resource attributes combine (Retain wins, a condition
/// only while every API has one).
/// </summary>
public sealed class SharedApiUsagePlan
{
    public const string ConditionName = "SharedUsagePlanCondition";

    public SeqNode StageKeys { get; } = new();

    public SeqNode ApiStages { get; } = new();

    public SeqNode DependsOn { get; } = new();

    private readonly List<string> _conditions = [];
    private bool _anyApiWithoutCondition;
    private string? _deletionPolicy;
    private string? _updateReplacePolicy;

    public MapNode CombinedAttributes(MapNode attributes, MapNode? templateConditions)
    {
        SetDeletionPolicy(attributes.Get("DeletionPolicy")?.Str);
        SetUpdateReplacePolicy(attributes.Get("UpdateReplacePolicy")?.Str);
        SetCondition(attributes.Get("Condition"), templateConditions);
        var combined = new MapNode();
        if (_deletionPolicy is not null)
        {
            combined.Set("DeletionPolicy", _deletionPolicy);
        }

        if (_updateReplacePolicy is not null)
        {
            combined.Set("UpdateReplacePolicy", _updateReplacePolicy);
        }

        if (_conditions.Count > 0 && !_anyApiWithoutCondition)
        {
            combined.Set("Condition", ConditionName);
        }

        return combined;
    }

    private void SetDeletionPolicy(string? policy)
    {
        if (string.IsNullOrEmpty(policy))
        {
            return;
        }

        if (_deletionPolicy is null || policy == "Retain")
        {
            _deletionPolicy = policy;
        }
    }

    private void SetUpdateReplacePolicy(string? policy)
    {
        if (string.IsNullOrEmpty(policy))
        {
            return;
        }

        if (_updateReplacePolicy is null || policy == "Retain" || (policy == "Snapshot" && _updateReplacePolicy == "Delete"))
        {
            _updateReplacePolicy = policy;
        }
    }

    private void SetCondition(Node? condition, MapNode? templateConditions)
    {
        if (_anyApiWithoutCondition)
        {
            return;
        }

        var name = condition?.Str;
        if (Py.Truthy(condition) && name is not null && !_conditions.Contains(name))
        {
            if (templateConditions is null)
            {
                throw new InvalidTemplateException("Can't have condition without having 'Conditions' section in the template");
            }

            _conditions.Add(name);
            templateConditions.Set(ConditionName, _conditions.Count > 1
                ? N.Map(("Fn::Or", new SeqNode(_conditions.Select(c => (Node)N.Map(("Condition", c))))))
                : new StringNode(name));
        }
        else if (condition is null or NullNode)
        {
            _anyApiWithoutCondition = true;
            templateConditions?.Remove(ConditionName);
        }
    }
}
