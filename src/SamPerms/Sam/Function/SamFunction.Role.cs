using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Iam;

namespace SamPerms.Sam.Function;

public sealed partial class SamFunction
{
    private static readonly Dictionary<string, string> DeadLetterQueueActions = new(StringComparer.Ordinal)
    {
        ["SQS"] = "sqs:SendMessage",
        ["SNS"] = "sns:Publish",
    };

    /// <summary>The execution role (the reference's _construct_role), used unless Role is given.</summary>
    private CfnResource ConstructRole(List<Node> eventInvokePolicies, TransformContext ctx)
    {
        var assumeRole = Prop("AssumeRolePolicyDocument") ?? IamPolicies.LambdaAssumeRole();
        var managed = new List<Node>
        {
            ctx.ManagedPolicyArn(Py.Truthy(Prop("DurableConfig"))
                ? "service-role/AWSLambdaBasicDurableExecutionRolePolicy"
                : "service-role/AWSLambdaBasicExecutionRole"),
        };
        if (TracingEnabled(ctx))
        {
            managed.Add(ctx.ManagedPolicyArn(ctx.Partition == "aws" ? "AWSXrayWriteOnlyAccess" : "AWSXRayDaemonWriteAccess"));
        }

        if (Py.Truthy(Prop("VpcConfig")))
        {
            managed.Add(ctx.ManagedPolicyArn("service-role/AWSLambdaVPCAccessExecutionRole"));
        }

        var documents = new List<Node>();
        if (Prop("DeadLetterQueue") is MapNode { Count: > 0 } dlq)
        {
            documents.Add(IamPolicies.DeadLetterQueue(DeadLetterQueueActions[dlq.Get("Type")!.Str!], dlq.Get("TargetArn")!));
        }

        if (Py.Truthy(Prop("EventInvokeConfig")))
        {
            documents.AddRange(eventInvokePolicies);
        }

        return RoleConstructor.Construct(
            new RoleConstructor.Request(
                this,
                PassthroughAttributes(),
                assumeRole,
                Prop(ResourcePolicies.PropertyName),
                managed,
                documents,
                Prop("RolePath"),
                Prop("PermissionsBoundary"),
                ConstructTagList(Prop("Tags"))),
            ctx);
    }

    /// <summary>
    /// Role: !If [Cond, X, !Ref AWS::NoValue] (either side): SAM creates its role for the NoValue side only
    /// (the reference's _make_lambda_role).
    /// </summary>
    private void ApplyConditionalRole(CfnResource function, CfnResource role, TransformContext ctx, List<CfnResource> resources)
    {
        var resolved = ctx.Intrinsics.ResolveParameterRefs(function["Role"]);
        var items = Intrinsics.Arg(resolved!);
        if (items is not SeqNode { Count: 3 } s)
        {
            throw new InvalidResourceException(LogicalId, "Malformed 'Role' property: Fn::If requires 3 arguments.").Locate(function["Role"]);
        }

        var condition = s[0];
        var roleIf = s[1];
        var roleElse = s[2];
        var roleArn = role.GetAtt("Arn");
        Node? value = null;
        if (Intrinsics.IsNoValue(roleIf) && Intrinsics.IsNoValue(roleElse))
        {
            value = roleArn;
        }
        else if (Intrinsics.IsNoValue(roleIf))
        {
            value = N.Map(("Fn::If", N.Seq(condition, roleArn, roleElse)));
            role.SetAttribute("Condition", condition);
        }
        else if (Intrinsics.IsNoValue(roleElse))
        {
            value = N.Map(("Fn::If", N.Seq(condition, roleIf, roleArn)));
            var notName = "NOT" + Py.Str(condition);
            role.SetAttribute("Condition", notName);
            ctx.Conditions?.Set(notName, N.Map(("Fn::Not", N.Seq(N.Map(("Condition", condition))))));
        }

        if (value is not null)
        {
            function["Role"] = value;
            resources.Add(role);
        }
    }

    /// <summary>The reference's _validate_dlq.</summary>
    private void ValidateDeadLetterQueue(MapNode dlq)
    {
        var type = dlq.Get("Type");
        if (!Py.Truthy(type) || !Py.Truthy(dlq.Get("TargetArn")))
        {
            throw new InvalidResourceException(LogicalId, "'DeadLetterQueue' requires Type and TargetArn properties to be specified.").Locate(dlq);
        }

        var t = Expect.That(type, LogicalId, "DeadLetterQueue.Type").ToBeString();
        if (!DeadLetterQueueActions.ContainsKey(t))
        {
            throw new InvalidResourceException(LogicalId, "'DeadLetterQueue' requires Type of ['SQS', 'SNS']").Locate(type);
        }
    }

    /// <summary>Functions with TenancyConfig allow only some features (the reference's _validate_tenancy_config_compatibility).</summary>
    private void ValidateTenancyConfig()
    {
        if (!Py.Truthy(Prop("TenancyConfig")))
        {
            return;
        }

        if (Py.Truthy(Prop("ProvisionedConcurrencyConfig")))
        {
            throw new InvalidResourceException(LogicalId, "Provisioned concurrency is not supported for functions enabled with tenancy configuration.").Locate(Prop("ProvisionedConcurrencyConfig"));
        }

        if (Py.Truthy(Prop("FunctionUrlConfig")))
        {
            throw new InvalidResourceException(LogicalId, "Function URL is not supported for functions enabled with tenancy configuration.").Locate(Prop("FunctionUrlConfig"));
        }

        if (Py.Truthy(Prop("SnapStart")))
        {
            throw new InvalidResourceException(LogicalId, "SnapStart is not supported for functions enabled with tenancy configuration.").Locate(Prop("SnapStart"));
        }

        if (Prop("Events") is MapNode events)
        {
            foreach (var e in events.Values)
            {
                var type = (e as MapNode)?.Get("Type");
                if (type?.Str is not ("Api" or "HttpApi"))
                {
                    throw new InvalidResourceException(LogicalId, $"Event source '{Py.Str(type)}' is not supported for functions enabled with tenancy configuration. Only Api and HttpApi event sources are supported.").Locate(e);
                }
            }
        }
    }
}
