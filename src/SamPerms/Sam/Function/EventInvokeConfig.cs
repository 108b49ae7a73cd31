using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Iam;

namespace SamPerms.Sam.Function;

/// <summary>
/// A function's EventInvokeConfig: the AWS::Lambda::EventInvokeConfig, the queue or topic SAM creates for an
/// SQS/SNS destination given without an ARN, and the statements the function's role needs to reach each
/// destination. Reads the property (as written and with parameters resolved), the function's id, condition and
/// attributes; writes each destination back into the property, as the reference does.
/// </summary>
internal sealed class EventInvokeConfig(string logicalId, string? condition, Origin origin, MapNode resourceAttributes, Func<MapNode> passthroughAttributes)
{
    private static readonly string[] DestinationTypes = ["SQS", "SNS", "EventBridge", "Lambda", "S3Bucket"];

    /// <summary>The resources to add after the function's, and the policies for the function's role.</summary>
    public sealed record Result(List<CfnResource> Resources, List<Node> RolePolicies);

    /// <param name="config">EventInvokeConfig as written (destinations are written back into it).</param>
    /// <param name="resolved">EventInvokeConfig with parameter Refs resolved.</param>
    /// <param name="functionId">The AWS::Lambda::Function's logical id.</param>
    /// <param name="aliasName">The AutoPublishAlias name ("" without one): the config's Qualifier.</param>
    /// <param name="alias">The alias resource, which the config then depends on.</param>
    public Result Construct(Node config, MapNode resolved, string functionId, string aliasName, CfnResource? alias, TransformContext ctx)
    {
        var configId = functionId + "EventInvokeConfig";
        var resources = new List<CfnResource>();
        var policies = new List<Node>();
        var invokeConfig = new CfnResource(configId, "AWS::Lambda::EventInvokeConfig") { Origin = origin }.WithAttributes(resourceAttributes);
        if (alias is not null)
        {
            invokeConfig.DependsOn = N.Seq(alias.LogicalId);
        }

        var destinationConfig = new MapNode();
        var input = resolved.Get("DestinationConfig");
        if (Py.Truthy(input))
        {
            var inputMap = Expect.That(input, logicalId, "EventInvokeConfig.DestinationConfig").ToBeMap();
            foreach (var name in (string[])["OnSuccess", "OnFailure"])
            {
                var value = inputMap.Get(name);
                if (value is null or NullNode)
                {
                    continue;
                }

                var dest = Expect.That(value, logicalId, $"EventInvokeConfig.DestinationConfig.{name}").ToBeMap();
                var (resource, destination, policy) = ValidateAndInjectDestination(dest, name, configId, ctx);
                destinationConfig.Set(name, N.Map(("Destination", destination)));

                // The reference writes the destination back into the template's own map, which must be a literal one.
                if ((config as MapNode)?.Get("DestinationConfig") is not MapNode written || written.Get(name) is not MapNode target)
                {
                    throw new InvalidResourcePropertyTypeException(logicalId, "EventInvokeConfig", ExpectedType.Map).Locate(config);
                }

                target.Set("Destination", destination ?? NullNode.Instance);
                if (resource is not null)
                {
                    resource.Origin = origin;
                    resources.Add(resource);
                }

                if (policy is not null)
                {
                    policies.Add(policy);
                }
            }
        }

        invokeConfig["FunctionName"] = N.Ref(functionId);
        invokeConfig["Qualifier"] = aliasName.Length > 0 ? aliasName : "$LATEST";
        invokeConfig["DestinationConfig"] = destinationConfig;
        invokeConfig["MaximumEventAgeInSeconds"] = resolved.Get("MaximumEventAgeInSeconds");
        invokeConfig["MaximumRetryAttempts"] = resolved.Get("MaximumRetryAttempts");
        resources.Add(invokeConfig);
        return new Result(resources, policies);
    }

    private (CfnResource? Resource, Node? Destination, Node? Policy) ValidateAndInjectDestination(MapNode dest, string eventName, string configId, TransformContext ctx)
    {
        var type = dest.Get("Type");
        var destination = dest.Get("Destination");
        if (type is not StringNode { Value: var t } || !DestinationTypes.Contains(t))
        {
            throw new InvalidResourceException(logicalId, $"'Type: {Py.Str(type)}' must be one of ['SQS', 'SNS', 'EventBridge', 'Lambda', 'S3Bucket']").Locate(type ?? dest);
        }

        var resourceId = configId + eventName;
        CfnResource? resource = null;
        Node? policy = null;
        var (propertyCondition, destArn) = GetOrMakeCondition(destination, configId, ctx);
        if (destination is null or NullNode || propertyCondition is not null)
        {
            var combined = MakeAndConditions(condition, propertyCondition, ctx);
            if (t is "SQS" or "SNS")
            {
                resource = t == "SQS"
                    ? new CfnResource(resourceId + "Queue", "AWS::SQS::Queue").WithAttributes(passthroughAttributes())
                    : new CfnResource(resourceId + "Topic", "AWS::SNS::Topic").WithAttributes(passthroughAttributes());
                if (combined is not null)
                {
                    resource.SetAttribute("Condition", combined);
                }

                // A queue's ARN is its Arn attribute; a topic's ARN is what Ref returns.
                var arn = t == "SQS" ? resource.GetAtt("Arn") : resource.Ref();
                destination = propertyCondition is not null
                    ? N.If(propertyCondition, arn, destArn)
                    : arn;
                policy = DestinationPolicy(t, resourceId, destination);
            }
            else
            {
                throw new InvalidResourceException(logicalId, "Destination is required if Type is not ['SQS', 'SNS']").Locate(dest);
            }
        }

        if (dest.Get("Destination") is { } given and not NullNode && propertyCondition is null)
        {
            policy = DestinationPolicy(t, resourceId, given);
        }

        return (resource, destination, policy);
    }

    private static Node? DestinationPolicy(string type, string logicalId, Node arn) => type switch
    {
        "SQS" => IamPolicies.SqsSendMessage(arn, logicalId),
        "SNS" => IamPolicies.SnsPublish(arn, logicalId),
        "EventBridge" => IamPolicies.EventBusPutEvents(arn, logicalId),
        "Lambda" => IamPolicies.LambdaInvokeFunction(arn, logicalId),
        "S3Bucket" => IamPolicies.S3SendEventPayload(arn, logicalId),
        _ => new MapNode(),
    };

    private string? MakeAndConditions(string? resourceCondition, string? propertyCondition, TransformContext ctx)
    {
        if (resourceCondition is null)
        {
            return propertyCondition;
        }

        if (propertyCondition is null)
        {
            return resourceCondition;
        }

        // The reference hands make_and_condition items already shaped {"Condition": name}, which it wraps again;
        // CloudFormation sees {"Condition": {"Condition": name}}, and so do we.
        var and = N.Map(("Fn::And", N.Seq(
            N.Map(("Condition", N.Condition(resourceCondition))),
            N.Map(("Condition", N.Condition(propertyCondition))))));
        var name = GeneratedConditionName(resourceCondition + "AND" + propertyCondition, logicalId);
        ctx.Conditions?.Set(name, and);
        return name;
    }

    /// <summary>
    /// Destination: !If [C, !Ref AWS::NoValue, arn] creates the queue/topic when C is true; the reverse
    /// creates it when C is false, under a generated NOT condition.
    /// </summary>
    private static (string? Condition, Node? Arn) GetOrMakeCondition(Node? destination, string configId, TransformContext ctx)
    {
        if (destination is null || !Intrinsics.IsIf(destination))
        {
            return (null, null);
        }

        if (Intrinsics.Arg(destination) is not SeqNode { Count: 3 } items)
        {
            throw new InvalidResourceException(configId, "Malformed 'Destination' property: Fn::If requires 3 arguments.").Locate(destination);
        }

        if (Intrinsics.IsNoValue(items[1]) && Intrinsics.IsNoValue(items[2]))
        {
            return (null, null);
        }

        if (Intrinsics.IsNoValue(items[1]))
        {
            return (Py.Str(items[0]), items[2]);
        }

        if (Intrinsics.IsNoValue(items[2]))
        {
            var condition = Py.Str(items[0]);
            var notCondition = GeneratedConditionName("NOT" + condition, configId);
            ctx.Conditions?.Set(notCondition, N.Not(condition));
            return (notCondition, items[1]);
        }

        return (null, null);
    }

    private static string GeneratedConditionName(string name, string hashInput)
    {
        var conditionName = name + LogicalIds.Hash(new StringNode(hashInput));
        return conditionName.Length > 255 ? conditionName[..255] : conditionName;
    }
}
