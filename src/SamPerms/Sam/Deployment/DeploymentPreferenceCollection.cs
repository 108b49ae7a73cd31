using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Text;

namespace SamPerms.Sam.Deployment;

/// <summary>
/// Every function's DeploymentPreference in one template (the reference's DeploymentPreferenceCollection), shared
/// through <see cref="TransformContext.State{T}"/>: functions add theirs while they expand and read back their
/// alias's UpdatePolicy; once all resources are expanded, <see cref="CodeDeployFinisher"/> adds the CodeDeploy
/// application, the shared service role and one deployment group per enabled preference.
/// </summary>
public sealed class DeploymentPreferenceCollection
{
    public const string ApplicationLogicalId = "ServerlessDeploymentApplication";
    public const string ServiceRoleLogicalId = "CodeDeployServiceRole";
    public const string AggregateConditionName = "ServerlessCodeDeployCondition";

    private readonly List<(string LogicalId, DeploymentPreference Preference)> _preferences = [];

    public void Add(string logicalId, DeploymentPreference preference)
    {
        if (Find(logicalId) is not null)
        {
            throw new InvalidOperationException($"logical_id {logicalId} previously added to this deployment_preference_collection");
        }

        _preferences.Add((logicalId, preference));
    }

    public DeploymentPreference Get(string logicalId) =>
        Find(logicalId) ?? throw new InvalidOperationException($"no deployment preference for {logicalId}");

    private DeploymentPreference? Find(string logicalId) =>
        _preferences.FirstOrDefault(p => p.LogicalId == logicalId).Preference;

    public bool AnyEnabled => _preferences.Any(p => p.Preference.Enabled);

    /// <summary>When every enabled preference names its own Role, no shared service role is created.</summary>
    public bool CanSkipServiceRole => _preferences.All(p => !p.Preference.Enabled || Py.Truthy(p.Preference.Role));

    /// <summary>When every enabled preference has a (passed-through) condition, the shared resources are conditional too.</summary>
    public bool NeedsResourceCondition =>
        _preferences.Count > 0 && !_preferences.Any(p => p.Preference.Enabled && string.IsNullOrEmpty(p.Preference.Condition));

    public IReadOnlyList<string> EnabledLogicalIds => _preferences.Where(p => p.Preference.Enabled).Select(p => p.LogicalId).ToList();

    /// <summary>
    /// The distinct conditions of all preferences. The reference collects them in a set, whose order Python does not
    /// fix; first-seen order is used here so that the output is deterministic.
    /// </summary>
    public IReadOnlyList<string> AllDeploymentConditions =>
        _preferences.Select(p => p.Preference.Condition).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>ServerlessCodeDeployCondition (Fn::Or of every condition) when there are two or more, else null.</summary>
    public List<(string Name, MapNode Value)> AggregateDeploymentCondition() => CombinedConditions.Make(AllDeploymentConditions, AggregateConditionName);

    /// <summary>The condition the shared resources carry: the single condition itself, or the aggregate one.</summary>
    private string? SharedResourceCondition()
    {
        if (!NeedsResourceCondition)
        {
            return null;
        }

        var conditions = AllDeploymentConditions;
        return conditions.Count <= 1 ? conditions[^1] : AggregateConditionName;
    }

    /// <summary>Tags of every enabled preference that propagates them, later functions winning on the same key.</summary>
    private MapNode MergedTags()
    {
        var merged = new MapNode();
        foreach (var (_, p) in _preferences)
        {
            if (p.Enabled && p.Tags is { } tags)
            {
                foreach (var e in tags.Entries)
                {
                    merged.Set(e.Key, e.Value);
                }
            }
        }

        return merged;
    }

    private Origin SharedOrigin() =>
        _preferences.Where(p => p.Preference.Enabled).Select(p => p.Preference.Origin).FirstOrDefault()
        ?? new Origin(ApplicationLogicalId, "AWS::CodeDeploy::Application", "", SourceSpan.None);

    public CfnResource CodeDeployApplication()
    {
        var app = new CfnResource(ApplicationLogicalId, "AWS::CodeDeploy::Application") { Origin = SharedOrigin() };
        app["ComputePlatform"] = "Lambda";
        var tags = MergedTags();
        if (tags.Count > 0)
        {
            app["Tags"] = SamResource.TagList(tags);
        }

        if (SharedResourceCondition() is { } condition)
        {
            app.SetAttribute("Condition", condition);
        }

        return app;
    }

    public CfnResource CodeDeployServiceRole(TransformContext ctx)
    {
        var role = new CfnResource(ServiceRoleLogicalId, "AWS::IAM::Role") { Origin = SharedOrigin() };
        role["AssumeRolePolicyDocument"] = Iam.IamPolicies.AssumeRoleForService("codedeploy.amazonaws.com");

        // The isolated partitions only have the narrower managed policy.
        var policy = ctx.Partition is "aws-iso" or "aws-iso-b"
            ? "service-role/AWSCodeDeployRoleForLambdaLimited"
            : "service-role/AWSCodeDeployRoleForLambda";
        role["ManagedPolicyArns"] = N.Seq(ctx.ManagedPolicyArn(policy));
        if (SharedResourceCondition() is { } condition)
        {
            role.SetAttribute("Condition", condition);
        }

        var tags = MergedTags();
        if (tags.Count > 0)
        {
            role["Tags"] = SamResource.TagList(tags);
        }

        return role;
    }

    public static string DeploymentGroupLogicalId(string functionLogicalId) => functionLogicalId + "DeploymentGroup";

    /// <summary>The AWS::CodeDeploy::DeploymentGroup that shifts traffic for one function's alias.</summary>
    public CfnResource DeploymentGroup(string functionLogicalId)
    {
        var preference = Get(functionLogicalId);
        var group = new CfnResource(DeploymentGroupLogicalId(functionLogicalId), "AWS::CodeDeploy::DeploymentGroup") { Origin = preference.Origin };
        group["AlarmConfiguration"] = DeploymentAlarms.Convert(preference.Alarms, functionLogicalId);
        group["ApplicationName"] = N.Ref(ApplicationLogicalId);
        group["AutoRollbackConfiguration"] = N.Map(
            ("Enabled", true),
            ("Events", N.Seq("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM", "DEPLOYMENT_STOP_ON_REQUEST")));
        group["DeploymentConfigName"] = DeploymentConfigNames.Replace(preference.DeploymentType?.Clone());
        group["DeploymentStyle"] = N.Map(("DeploymentType", "BLUE_GREEN"), ("DeploymentOption", "WITH_TRAFFIC_CONTROL"));
        group["ServiceRoleArn"] = Py.Truthy(preference.Role) ? preference.Role : N.GetAtt(ServiceRoleLogicalId, "Arn");
        if (Py.Truthy(preference.TriggerConfigurations))
        {
            group["TriggerConfigurations"] = preference.TriggerConfigurations;
        }

        if (preference.Tags is { } tags)
        {
            group["Tags"] = SamResource.TagList(tags);
        }

        if (!string.IsNullOrEmpty(preference.Condition))
        {
            group.SetAttribute("Condition", preference.Condition);
        }

        return group;
    }

    /// <summary>
    /// The alias's UpdatePolicy: CodeDeployLambdaAliasUpdate naming the application, the deployment group and the
    /// hooks that are set. Building it builds the deployment group, so the group's errors surface here first.
    /// </summary>
    public MapNode UpdatePolicy(string functionLogicalId)
    {
        var preference = Get(functionLogicalId);
        var group = DeploymentGroup(functionLogicalId);
        var update = new MapNode();
        AddIfSet(update, "ApplicationName", N.Ref(ApplicationLogicalId));
        AddIfSet(update, "DeploymentGroupName", group.Ref());
        AddIfSet(update, "BeforeAllowTrafficHook", preference.PreTrafficHook);
        AddIfSet(update, "AfterAllowTrafficHook", preference.PostTrafficHook);
        return N.Map(("CodeDeployLambdaAliasUpdate", update));
    }

    // The reference drops None and {"Ref": None}.
    private static void AddIfSet(MapNode map, string key, Node? value)
    {
        if (value is null or NullNode || (Intrinsics.IsRef(value) && Intrinsics.Arg(value) is NullNode))
        {
            return;
        }

        map.Set(key, value);
    }
}
