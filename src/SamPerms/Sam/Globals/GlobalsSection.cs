using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Globals;

/// <summary>
/// The template's Globals section, parsed and checked as the reference does, and merged into each resource:
/// scalars and mismatched types take the local value, maps merge recursively, lists concatenate
/// (global first). Intrinsic functions count as scalars.
/// </summary>
public sealed class GlobalsSection
{
    private const string Prefix = "AWS::Serverless::";

    /// <summary>Which properties each resource type accepts from Globals (the reference's supported_properties).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SupportedProperties = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["AWS::Serverless::Function"] =
        [
            "Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description", "MemorySize", "Timeout", "VpcConfig",
            "Environment", "Tags", "PropagateTags", "Tracing", "KmsKeyArn", "AutoPublishAlias", "AutoPublishAliasAllProperties",
            "Layers", "DeploymentPreference", "RolePath", "PermissionsBoundary", "ReservedConcurrentExecutions",
            "ProvisionedConcurrencyConfig", "AssumeRolePolicyDocument", "EventInvokeConfig", "FileSystemConfigs",
            "CodeSigningConfigArn", "Architectures", "SnapStart", "EphemeralStorage", "FunctionUrlConfig",
            "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop", "SourceKMSKeyArn", "TenancyConfig", "DurableConfig",
            "CapacityProviderConfig", "FunctionScalingConfig", "PublishToLatestPublished", "VersionDeletionPolicy",
        ],
        ["AWS::Serverless::Api"] =
        [
            "Auth", "Name", "DefinitionUri", "CacheClusterEnabled", "CacheClusterSize", "MergeDefinitions", "Variables",
            "EndpointConfiguration", "MethodSettings", "BinaryMediaTypes", "MinimumCompressionSize", "Cors",
            "GatewayResponses", "AccessLogSetting", "CanarySetting", "TracingEnabled", "OpenApiVersion", "Domain",
            "AlwaysDeploy", "PropagateTags", "SecurityPolicy", "EndpointAccessMode",
        ],
        ["AWS::Serverless::HttpApi"] =
        [
            "Auth", "AccessLogSettings", "StageVariables", "Tags", "CorsConfiguration", "DefaultRouteSettings", "Domain",
            "RouteSettings", "FailOnWarnings", "PropagateTags",
        ],
        ["AWS::Serverless::SimpleTable"] = ["SSESpecification"],
        ["AWS::Serverless::StateMachine"] = ["PropagateTags"],
        ["AWS::Serverless::LayerVersion"] = ["PublishLambdaVersion"],
        ["AWS::Serverless::CapacityProvider"] =
        [
            "VpcConfig", "OperatorRole", "Tags", "InstanceRequirements", "ScalingConfig", "KmsKeyArn", "PropagateTags",
        ],
        ["AWS::Serverless::WebSocketApi"] =
        [
            "AccessLogSettings", "ApiKeySelectionExpression", "DefaultRouteSettings", "DisableExecuteApiEndpoint",
            "DisableSchemaValidation", "Domain", "FailOnWarnings", "IpAddressType", "PropagateTags",
            "RouteSelectionExpression", "RouteSettings", "StageVariables", "Tags",
        ],
    };

    private static readonly string SectionNames =
        "[" + string.Join(", ", SupportedProperties.Keys.Select(k => k[Prefix.Length..]).Order(StringComparer.Ordinal).Select(Py.ReprString)) + "]";

    private readonly Dictionary<string, MapNode> _globals = new(StringComparer.Ordinal);

    public GlobalsSection(MapNode template)
    {
        if (!template.TryGet("Globals", out var section))
        {
            return;
        }

        if (section is not MapNode globals)
        {
            throw new InvalidGlobalsSectionException("It must be a non-empty dictionary").Locate(section);
        }

        foreach (var e in globals.Entries)
        {
            var type = Prefix + e.Key;
            if (!SupportedProperties.TryGetValue(type, out var supported))
            {
                throw new InvalidGlobalsSectionException($"'{e.Key}' is not supported. Must be one of the following values - {SectionNames}").Locate(e.Value);
            }

            if (e.Value is not MapNode props)
            {
                throw new InvalidGlobalsSectionException("Value of ${section} must be a dictionary").Locate(e.Value);
            }

            foreach (var p in props.Entries)
            {
                if (!supported.Contains(p.Key))
                {
                    var list = "[" + string.Join(", ", supported.Select(Py.ReprString)) + "]";
                    throw new InvalidGlobalsSectionException($"'{p.Key}' is not a supported property of '{e.Key}'. Must be one of the following values - {list}").Locate(p.Value);
                }
            }

            _globals[type] = props;
        }
    }

    public bool Has(string resourceType) => _globals.ContainsKey(resourceType);

    public MapNode? For(string resourceType) => _globals.GetValueOrDefault(resourceType);

    /// <summary>Merges the globals for the type into the local properties, honouring IgnoreGlobals.</summary>
    public Node Merge(string resourceType, Node localProperties, string logicalId, Node? ignoreGlobals)
    {
        if (!_globals.TryGetValue(resourceType, out var globals))
        {
            return localProperties;
        }

        var effective = Effective(globals, logicalId, ignoreGlobals);
        return DoMerge(effective, localProperties);
    }

    private static MapNode Effective(MapNode globals, string logicalId, Node? ignoreGlobals)
    {
        if (!Py.Truthy(ignoreGlobals))
        {
            return globals;
        }

        if (ignoreGlobals is StringNode { Value: "*" })
        {
            return new MapNode();
        }

        if (ignoreGlobals is SeqNode list)
        {
            var copy = (MapNode)globals.Clone();
            foreach (var item in list.Items)
            {
                var key = item.Str;
                if (key is null || !copy.ContainsKey(key))
                {
                    throw new InvalidResourceAttributeTypeException(logicalId, "IgnoreGlobals", null, $"Resource {logicalId} has invalid resource attribute 'IgnoreGlobals' on item '{Py.Str(item)}'.").Locate(item);
                }

                copy.Remove(key);
            }

            return copy;
        }

        throw new InvalidResourceAttributeTypeException(logicalId, "IgnoreGlobals", null, $"Resource {logicalId} has invalid resource attribute 'IgnoreGlobals'.").Locate(ignoreGlobals);
    }

    private enum Token
    {
        Primitive,
        Dict,
        List,
    }

    private static Token TokenOf(Node? n) => n switch
    {
        MapNode m when !Intrinsics.IsIntrinsic(m) => Token.Dict,
        SeqNode => Token.List,
        _ => Token.Primitive,
    };

    internal static Node DoMerge(Node? global, Node local)
    {
        var tg = TokenOf(global);
        var tl = TokenOf(local);
        if (tg != tl || tg == Token.Primitive)
        {
            return local;
        }

        if (tg == Token.Dict)
        {
            var result = ((MapNode)global!).ShallowCopy();
            result.Span = local.Span;
            foreach (var e in ((MapNode)local).Entries)
            {
                if (result.TryGet(e.Key, out var g))
                {
                    result.Set(e.Key, DoMerge(g, e.Value));
                }
                else
                {
                    result.Set(e.Key, e.Value);
                }
            }

            return result;
        }

        var merged = new SeqNode(((SeqNode)global!).Items.Concat(((SeqNode)local).Items)) { Span = local.Span };
        return merged;
    }
}
