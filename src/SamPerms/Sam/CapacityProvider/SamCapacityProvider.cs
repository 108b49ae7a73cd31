using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Iam;

namespace SamPerms.Sam.CapacityProvider;

/// <summary>
/// AWS::Serverless::CapacityProvider → AWS::Lambda::CapacityProvider, plus an operator role (allowed to manage
/// the EC2 instances) when none is given. Properties are checked against the reference's model, reporting
/// every failure at once, and take the model's coerced values.
/// </summary>
public sealed class SamCapacityProvider : SamResource
{
    public const string Type = "AWS::Serverless::CapacityProvider";

    private const string OperatorPolicy = "AWSLambdaManagedEC2ResourceOperator";

    private static readonly Validator StrOrDict = V.OneOf(V.Str, V.Dict);

    private static readonly PropertyTable Table = new(
        ("CapacityProviderName", PropertySpec.Strict(StrOrDict)),
        ("VpcConfig", PropertySpec.Strict(V.Dict, required: true)),
        ("OperatorRole", PropertySpec.Strict(StrOrDict)),
        ("Tags", PropertySpec.Strict(V.Dict)),
        ("PropagateTags", PropertySpec.Strict(V.Bool)),
        ("InstanceRequirements", PropertySpec.Strict(V.Dict)),
        ("ScalingConfig", PropertySpec.Strict(V.Dict)),
        ("KmsKeyArn", PropertySpec.Strict(StrOrDict)));

    private static readonly PropertyConstraints.Rule[] Rules =
    [
        new PropertyConstraints.MutuallyExclusive("InstanceRequirements.AllowedTypes", "InstanceRequirements.ExcludedTypes"),
    ];

    public override string ResourceType => Type;

    protected override PropertyTable PropertyTypes => Table;

    public override IList<CfnResource> ToCloudFormation(TransformContext ctx)
    {
        var model = ValidatePropertiesAndReturnModel(CapacityProviderSchema.Properties, collectAllErrors: true);
        PropertyConstraints.Check(this, Rules, path => Nested(model, path));

        var resources = new List<CfnResource>();
        var operatorRole = model.Get("OperatorRole");
        if (!Py.Truthy(operatorRole))
        {
            var role = OperatorRoleResource(ctx);
            resources.Add(role);
            operatorRole = role.GetAtt("Arn");
        }

        resources.Add(CapacityProvider(model, operatorRole!));
        PropagateTagsCombined(resources, model.Get("Tags") as MapNode, Prop("PropagateTags"));
        return resources;
    }

    private static object? Nested(MapNode model, string path)
    {
        Node? cur = model;
        foreach (var part in path.Split('.'))
        {
            cur = (cur as MapNode)?.Get(part);
            if (cur is null or NullNode)
            {
                return null;
            }
        }

        return cur;
    }

    private CfnResource CapacityProvider(MapNode model, Node operatorRole)
    {
        var provider = new CfnResource(LogicalId, "AWS::Lambda::CapacityProvider") { DependsOn = DependsOn, Origin = OriginOf() }
            .WithAttributes(ResourceAttributes);
        if (Py.Truthy(model.Get("CapacityProviderName")))
        {
            provider["CapacityProviderName"] = model.Get("CapacityProviderName");
        }

        if (model.Get("VpcConfig") is MapNode vpc && vpc.Count > 0)
        {
            var config = N.Map(("SubnetIds", vpc.Get("SubnetIds")));
            if (vpc.Get("SecurityGroupIds") is { } groups)
            {
                config.Set("SecurityGroupIds", groups);
            }

            provider["VpcConfig"] = config;
        }

        provider["PermissionsConfig"] = N.Map(("CapacityProviderOperatorRoleArn", operatorRole));
        provider["Tags"] = TagsWithSamTag(model.Get("Tags") as MapNode);
        if (model.Get("InstanceRequirements") is MapNode { Count: > 0 } requirements)
        {
            var r = new MapNode();
            r["Architectures"] = requirements.Get("Architectures");
            r["AllowedInstanceTypes"] = requirements.Get("AllowedTypes");
            r["ExcludedInstanceTypes"] = requirements.Get("ExcludedTypes");
            provider["InstanceRequirements"] = Compact(r);
        }

        if (model.Get("ScalingConfig") is MapNode { Count: > 0 } scaling)
        {
            provider["CapacityProviderScalingConfig"] = ScalingConfig(scaling);
        }

        if (Py.Truthy(model.Get("KmsKeyArn")))
        {
            provider["KmsKeyArn"] = model.Get("KmsKeyArn");
        }

        return provider;
    }

    /// <summary>A target CPU utilisation means a manual scaling policy on it; otherwise Lambda scales automatically.</summary>
    private static MapNode ScalingConfig(MapNode scaling)
    {
        var config = new MapNode();
        if (scaling.Get("MaxVCpuCount") is { } max)
        {
            config.Set("MaxVCpuCount", max);
        }

        if (scaling.Get("AverageCPUUtilization") is { } cpu)
        {
            config.Set("ScalingMode", "Manual");
            config.Set("ScalingPolicies", N.Seq(N.Map(
                ("PredefinedMetricType", "LambdaCapacityProviderAverageCPUUtilization"),
                ("TargetValue", cpu))));
        }
        else
        {
            config.Set("ScalingMode", "Auto");
        }

        return config;
    }

    private static MapNode Compact(MapNode m)
    {
        var result = new MapNode();
        foreach (var e in m.Entries)
        {
            if (e.Value is not NullNode)
            {
                result.Set(e.Key, e.Value);
            }
        }

        return result;
    }

    /// <summary>The user's tags with lambda:createdBy=SAM set (last, unless the user named that key).</summary>
    private static SeqNode TagsWithSamTag(MapNode? tags)
    {
        var all = tags?.ShallowCopy() ?? new MapNode();
        all.Set("lambda:createdBy", "SAM");
        return TagList(all);
    }

    private CfnResource OperatorRoleResource(TransformContext ctx)
    {
        var role = RoleConstructor.Construct(new RoleConstructor.Request(
            this,
            PassthroughAttributes(),
            IamPolicies.LambdaAssumeRole(),
            null,
            [new StringNode(ctx.ManagedPolicyArn(OperatorPolicy))],
            [],
            null,
            null,
            TagsWithSamTag(null)), ctx);
        role.LogicalId = LogicalId + "OperatorRole";
        return role;
    }

    /// <summary>
    /// The reference's propagate_tags_combine: resources with tags get the resource's tags merged in (same key:
    /// the propagated value wins, keeping the first position); resources without get them as they are.
    /// </summary>
    private static void PropagateTagsCombined(List<CfnResource> resources, MapNode? tags, Node? propagate)
    {
        if (!Py.Truthy(propagate) || !Py.Truthy(tags))
        {
            return;
        }

        foreach (var r in resources.Where(CfnTags.HasTags))
        {
            if (r["Tags"] is SeqNode { Count: > 0 } existing)
            {
                var merged = new MapNode();
                foreach (var tag in existing.Items.Concat(TagList(tags)).OfType<MapNode>())
                {
                    merged.Set(tag.Get("Key")?.Str ?? "", tag.Get("Value") ?? NullNode.Instance);
                }

                r["Tags"] = TagList(merged);
            }
            else
            {
                CfnTags.Assign(r, tags!);
            }
        }
    }
}
