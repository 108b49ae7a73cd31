using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// A REST API's Auth.UsagePlan: a usage plan, API key and usage plan key for this API (PER_API), or this API's
/// stage joined to the one plan every API with SHARED has (<see cref="SharedApiUsagePlan"/>, kept in the
/// transform's state); nothing for NONE or without a UsagePlan.
/// </summary>
internal sealed class ApiUsagePlan(string apiId, Node? auth, Func<MapNode> passthroughAttributes, Origin origin)
{
    private static readonly string[] UsagePlanFields = ["CreateUsagePlan", "Description", "Quota", "Tags", "Throttle", "UsagePlanName"];

    private MapNode PassthroughAttributes => passthroughAttributes();

    /// <summary>The plan, key and plan key (in the order they are emitted) for the API's <paramref name="stage"/>.</summary>
    public List<CfnResource> Construct(CfnResource stage, TransformContext ctx)
    {
        var none = new List<CfnResource>();
        if (!Py.Truthy(auth) || auth is not MapNode authMap)
        {
            return none;
        }

        var properties = authMap.Get("UsagePlan");
        if (properties is null or NullNode)
        {
            return none;
        }

        if (properties is not MapNode plan)
        {
            throw Error("'UsagePlan' must be a dictionary", properties);
        }

        if (!plan.Keys.All(UsagePlanFields.Contains))
        {
            throw Error("Invalid property for 'UsagePlan'", plan);
        }

        var create = plan.Get("CreateUsagePlan");
        if (create is null or NullNode)
        {
            throw Error("'CreateUsagePlan' is a required field for UsagePlan.", plan);
        }

        if (create is not StringNode { Value: "SHARED" or "PER_API" or "NONE" } createMode)
        {
            throw Error($"'CreateUsagePlan' accepts one of ['SHARED', 'PER_API', 'NONE'].", create);
        }

        if (createMode.Value == "NONE")
        {
            return none;
        }

        CfnResource usagePlan;
        CfnResource apiKey;
        CfnResource usagePlanKey;
        var apiStage = N.Map(("ApiId", N.Ref(apiId)), ("Stage", N.Ref(stage.LogicalId)));
        var stageKey = N.Map(("RestApiId", N.Ref(apiId)), ("StageName", N.Ref(stage.LogicalId)));
        if (createMode.Value == "PER_API")
        {
            var planId = apiId + "UsagePlan";
            usagePlan = new CfnResource(planId, "AWS::ApiGateway::UsagePlan") { DependsOn = N.Seq(apiId) }.WithAttributes(PassthroughAttributes);
            usagePlan["ApiStages"] = N.Seq(apiStage);
            apiKey = new CfnResource(apiId + "ApiKey", "AWS::ApiGateway::ApiKey") { DependsOn = N.Seq(planId) }.WithAttributes(PassthroughAttributes);
            apiKey["Enabled"] = true;
            apiKey["StageKeys"] = N.Seq(stageKey);
            usagePlanKey = UsagePlanKey(apiId + "UsagePlanKey", planId, apiKey, PassthroughAttributes);
        }
        else
        {
            const string planId = "ServerlessUsagePlan";
            var shared = ctx.State<SharedApiUsagePlan>();
            if (!shared.DependsOn.Items.Any(d => d.Str == apiId))
            {
                shared.DependsOn.Add(apiId);
            }

            usagePlan = new CfnResource(planId, "AWS::ApiGateway::UsagePlan") { DependsOn = shared.DependsOn }
                .WithAttributes(shared.CombinedAttributes(PassthroughAttributes, ctx.Conditions));
            if (!shared.ApiStages.Items.Any(s => Py.Equal(s, apiStage)))
            {
                shared.ApiStages.Add(apiStage);
            }

            usagePlan["ApiStages"] = shared.ApiStages;
            apiKey = new CfnResource("ServerlessApiKey", "AWS::ApiGateway::ApiKey") { DependsOn = N.Seq(planId) }
                .WithAttributes(shared.CombinedAttributes(PassthroughAttributes, ctx.Conditions));
            apiKey["Enabled"] = true;
            if (!shared.StageKeys.Items.Any(s => Py.Equal(s, stageKey)))
            {
                shared.StageKeys.Add(stageKey);
            }

            apiKey["StageKeys"] = shared.StageKeys;
            usagePlanKey = UsagePlanKey("ServerlessUsagePlanKey", planId, apiKey, shared.CombinedAttributes(PassthroughAttributes, ctx.Conditions));
        }

        foreach (var name in new[] { "UsagePlanName", "Description", "Quota", "Tags", "Throttle" })
        {
            if (Py.Truthy(plan.Get(name)))
            {
                usagePlan[name] = plan.Get(name);
            }
        }

        usagePlan.Origin = apiKey.Origin = usagePlanKey.Origin = origin;
        return [usagePlan, apiKey, usagePlanKey];
    }

    private static CfnResource UsagePlanKey(string id, string planId, CfnResource apiKey, MapNode attributes)
    {
        var key = new CfnResource(id, "AWS::ApiGateway::UsagePlanKey") { DependsOn = N.Seq(apiKey.LogicalId) }.WithAttributes(attributes);
        key["KeyId"] = N.Ref(apiKey.LogicalId);
        key["KeyType"] = "API_KEY";
        key["UsagePlanId"] = N.Ref(planId);
        return key;
    }

    private InvalidResourceException Error(string message, Node? at) => (InvalidResourceException)new InvalidResourceException(apiId, message).Locate(at);
}
