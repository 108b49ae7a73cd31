using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Function;

/// <summary>
/// AWS::Serverless::Function → AWS::Lambda::Function, its execution role, and everything its properties and
/// events imply. The steps follow the reference's SamFunction.to_cloudformation, in its order (which is the order
/// of the resources emitted). Features with state of their own are collaborators, each in its file:
/// <see cref="AutoPublishAlias"/> (version and alias), <see cref="FunctionUrl"/>, <see cref="EventInvokeConfig"/>;
/// the rest are partial files of this class (Lambda, Role, DeploymentPreference, CapacityProvider, Events).
/// </summary>
public sealed partial class SamFunction : SamResource
{
    public const string Type = "AWS::Serverless::Function";

    private static readonly Validator StrOrDict = V.OneOf(V.Str, V.Dict);

    private static readonly PropertyTable Table = new(
        ("FunctionName", PropertySpec.Optional(StrOrDict)),
        ("Handler", PropertySpec.PassThrough),
        ("Runtime", PropertySpec.PassThrough),
        ("CodeUri", PropertySpec.PassThrough),
        ("ImageUri", PropertySpec.PassThrough),
        ("PackageType", PropertySpec.PassThrough),
        ("InlineCode", PropertySpec.PassThrough),
        ("DeadLetterQueue", PropertySpec.Optional(V.Dict)),
        ("Description", PropertySpec.PassThrough),
        ("MemorySize", PropertySpec.PassThrough),
        ("Timeout", PropertySpec.PassThrough),
        ("VpcConfig", PropertySpec.PassThrough),
        ("Role", PropertySpec.Optional(V.Str)),
        ("AssumeRolePolicyDocument", PropertySpec.Optional(V.Dict)),
        ("Policies", PropertySpec.Optional(V.OneOf(V.Str, V.Dict, V.ListOf(StrOrDict)))),
        ("RolePath", PropertySpec.PassThrough),
        ("PermissionsBoundary", PropertySpec.Optional(V.Str)),
        ("Environment", PropertySpec.Optional(V.DictOf(V.Str, V.Dict))),
        ("Events", PropertySpec.Optional(V.DictOf(V.Str, V.Dict))),
        ("Tags", PropertySpec.Optional(V.Dict)),
        ("PropagateTags", PropertySpec.Optional(V.Bool)),
        ("Tracing", PropertySpec.Optional(V.OneOf(V.Dict, V.Str))),
        ("KmsKeyArn", PropertySpec.PassThrough),
        ("DeploymentPreference", PropertySpec.Optional(V.Dict)),
        ("ReservedConcurrentExecutions", PropertySpec.PassThrough),
        ("Layers", PropertySpec.Optional(V.ListOf(StrOrDict))),
        ("EventInvokeConfig", PropertySpec.Optional(V.Dict)),
        ("EphemeralStorage", PropertySpec.PassThrough),
        ("AutoPublishAlias", PropertySpec.Optional(V.OneOf(V.Str))),
        ("AutoPublishCodeSha256", PropertySpec.Optional(V.OneOf(V.Str))),
        ("AutoPublishAliasAllProperties", PropertySpec.Strict(V.Bool)),
        ("VersionDescription", PropertySpec.PassThrough),
        ("ProvisionedConcurrencyConfig", PropertySpec.PassThrough),
        ("FileSystemConfigs", PropertySpec.PassThrough),
        ("ImageConfig", PropertySpec.PassThrough),
        ("CodeSigningConfigArn", PropertySpec.PassThrough),
        ("Architectures", PropertySpec.PassThrough),
        ("SnapStart", PropertySpec.Optional(V.Dict)),
        ("FunctionUrlConfig", PropertySpec.Optional(V.Dict)),
        ("RuntimeManagementConfig", PropertySpec.PassThrough),
        ("LoggingConfig", PropertySpec.PassThrough),
        ("RecursiveLoop", PropertySpec.PassThrough),
        ("SourceKMSKeyArn", PropertySpec.PassThrough),
        ("CapacityProviderConfig", PropertySpec.Optional(V.Dict)),
        ("FunctionScalingConfig", PropertySpec.Optional(V.Dict)),
        ("VersionDeletionPolicy", PropertySpec.Optional(V.StrEnum("Delete", "Retain"))),
        ("PublishToLatestPublished", PropertySpec.PassThrough),
        ("TenancyConfig", PropertySpec.PassThrough),
        ("DurableConfig", PropertySpec.Optional(V.Dict)));

    private static readonly PropertyConstraints.Rule[] Rules =
    [
        new PropertyConstraints.MutuallyExclusive("CapacityProviderConfig", "ProvisionedConcurrencyConfig"),
        new PropertyConstraints.MutuallyExclusive("CapacityProviderConfig", "VpcConfig"),
        new PropertyConstraints.Requires("FunctionScalingConfig", "CapacityProviderConfig"),
        new PropertyConstraints.Requires("VersionDeletionPolicy", "AutoPublishAlias"),
    ];

    private static readonly Dictionary<string, string> Referable = new(StringComparer.Ordinal)
    {
        ["Alias"] = "AWS::Lambda::Alias",
        ["Version"] = "AWS::Lambda::Version",
        ["DestinationTopic"] = "AWS::SNS::Topic",
        ["DestinationQueue"] = "AWS::SQS::Queue",
    };

    public override string ResourceType => Type;

    protected override PropertyTable PropertyTypes => Table;

    public override IReadOnlyDictionary<string, string> ReferableProperties => Referable;

    public override IList<CfnResource> ToCloudFormation(TransformContext ctx)
    {
        var resources = new List<CfnResource>();
        PropertyConstraints.Check(this, Rules);
        if (Prop("DeadLetterQueue") is MapNode { Count: > 0 } dlq)
        {
            ValidateDeadLetterQueue(dlq);
        }

        ValidateTenancyConfig();
        var function = ConstructLambdaFunction(ctx);
        resources.Add(function);

        if (Prop("ProvisionedConcurrencyConfig") is not null && !Py.Truthy(Prop("AutoPublishAlias")))
        {
            throw new InvalidResourceException(LogicalId, "To set ProvisionedConcurrencyConfig AutoPublishALias must be defined on the function");
        }

        CfnResource? alias = null;
        string aliasName = "";
        if (Py.Truthy(Prop("AutoPublishAlias")))
        {
            var published = new AutoPublishAlias(this).Construct(function, ctx);
            resources.Add(published.Version);
            resources.Add(published.Alias);
            (alias, aliasName) = (published.Alias, published.AliasName);
        }

        if (Py.Truthy(Prop("FunctionUrlConfig")))
        {
            resources.AddRange(new FunctionUrl(LogicalId, OriginOf("FunctionUrlConfig"), PassthroughAttributes).Construct(function, alias, (MapNode)Prop("FunctionUrlConfig")!));
        }

        ApplyDeploymentPreference(alias, ctx);

        List<Node> eventInvokePolicies = [];
        if (Py.Truthy(Prop("EventInvokeConfig")))
        {
            // An intrinsic passes the property check but must resolve to a map (the reference fails with an AttributeError).
            var resolved = ResolvedMapProperty(ctx, "EventInvokeConfig", falsyIsAbsent: false)!;
            var invokeConfig = new EventInvokeConfig(LogicalId, Condition, OriginOf("EventInvokeConfig"), ResourceAttributes, PassthroughAttributes)
                .Construct(Prop("EventInvokeConfig")!, resolved, function.LogicalId, aliasName, alias, ctx);
            resources.AddRange(invokeConfig.Resources);
            eventInvokePolicies = invokeConfig.RolePolicies;
        }

        var role = ConstructRole(eventInvokePolicies, ctx);
        var functionRole = function["Role"];
        if (functionRole is null)
        {
            function["Role"] = role.GetAtt("Arn");
            resources.Add(role);
        }
        else if (Intrinsics.IsIf(functionRole))
        {
            ApplyConditionalRole(function, role, ctx, resources);
        }

        try
        {
            resources.AddRange(GenerateEventResources(function, role, alias, ctx));
        }
        catch (InvalidEventException e)
        {
            throw new InvalidResourceException(LogicalId, e.Message).Locate(e.At);
        }

        CfnTags.Propagate(resources, Prop("Tags"), Prop("PropagateTags"));
        return resources;
    }
}
